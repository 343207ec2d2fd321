package dev.cascade.registry.internal;

import dev.cascade.registry.RegisterResult;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.runtime.internal.ProcessCell;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One registry's entries, written by the registering processes themselves and cleaned up by the
 * registry process, as Elixir's key and pid ETS tables are. Each key is written and removed only
 * together with its holder ({@code remove(key, pid)}), so a late clean-up never removes the entry
 * of a process that took the key over.
 *
 * <pre>{@code
 * RegisterResult result = RegistryTables.of(ctx).require("sessions").register(ctx, userId);
 * }</pre>
 */
public final class RegistryTable {
    private final String name;
    private final Pid owner;
    private final RegistryTables tables;
    private final ConcurrentHashMap<Object, Pid> holders = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Pid, Set<Object>> keysByPid = new ConcurrentHashMap<>();
    /**
     * The process that registered each key last, kept after it dies: a key nobody ever held (a typo)
     * is told from one whose holder died, and a call that finds no one is traced against that holder.
     */
    private final ConcurrentHashMap<Object, ProcessCell> lastHolders = new ConcurrentHashMap<>();

    RegistryTable(String name, Pid owner, RegistryTables tables) {
        this.name = name;
        this.owner = owner;
        this.tables = tables;
    }

    String name() {
        return name;
    }

    Pid owner() {
        return owner;
    }

    public RegisterResult register(ProcessContext ctx, Object key) {
        Pid self = ctx.self();
        ctx.link(owner); // first, and the pid index before the key, so the registry can always clean up
        keysByPid.computeIfAbsent(self, pid -> ConcurrentHashMap.newKeySet()).add(key);
        while (true) {
            Pid holder = holders.putIfAbsent(key, self);
            if (holder == null) {
                break;
            }
            if (holder.equals(self)) {
                return new RegisterResult.AlreadyRegistered(self);
            }
            if (tables.alive(holder)) {
                forgetKey(self, key);
                unlinkIfNoKeys(ctx);
                return new RegisterResult.AlreadyRegistered(holder);
            }
            holders.remove(key, holder); // dead but not cleaned up yet: take the key over (4.3)
        }
        lastHolders.put(key, ProcessCell.of(ctx));
        if (!tables.alive(self)) {
            // Killed while registering: the registry may have cleaned up before this thread wrote.
            forget(self);
        }
        return new RegisterResult.Registered();
    }

    public void unregister(ProcessContext ctx, Object key) {
        Pid self = ctx.self();
        holders.remove(key, self);
        forgetKey(self, key);
        unlinkIfNoKeys(ctx);
    }

    public Optional<Pid> lookup(Object key) {
        return Optional.ofNullable(holders.get(key)).filter(tables::alive);
    }

    /** The keys held by live processes now, in their string order (for messages). */
    public java.util.List<Object> liveKeys() {
        return holders.entrySet().stream().filter(entry -> tables.alive(entry.getValue()))
                .map(java.util.Map.Entry::getKey).sorted(java.util.Comparator.comparing(String::valueOf)).toList();
    }

    /** Whether any process ever registered under {@code key} here. */
    public boolean everHeld(Object key) {
        return lastHolders.containsKey(key);
    }

    /** The process that registered under {@code key} last, dead or alive. */
    public Optional<ProcessCell> lastHolder(Object key) {
        return Optional.ofNullable(lastHolders.get(key));
    }

    public int count() {
        return holders.size();
    }

    /** Removes every key of {@code pid}: the registry process got its 'EXIT'. */
    void forget(Pid pid) {
        Set<Object> keys = keysByPid.remove(pid);
        if (keys != null) {
            keys.forEach(key -> holders.remove(key, pid));
        }
    }

    private void forgetKey(Pid pid, Object key) {
        keysByPid.computeIfPresent(pid, (p, keys) -> {
            keys.remove(key);
            return keys.isEmpty() ? null : keys;
        });
    }

    private void unlinkIfNoKeys(ProcessContext ctx) {
        if (!keysByPid.containsKey(ctx.self())) {
            ctx.unlink(owner);
        }
    }
}
