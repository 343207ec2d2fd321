package dev.cascade.registry;

import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.StartOptions;
import dev.cascade.genserver.StartResult;
import dev.cascade.registry.internal.RegistryServer;
import dev.cascade.registry.internal.RegistryTables;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.runtime.ServerRef;

import java.util.Optional;

/**
 * Elixir's Registry with unique keys (otp-semantics 4.3): a node-local table of key → process that
 * any process reads directly and that a registry process cleans up. A process registers only
 * itself; registering links it to the registry process, which traps exits and removes a dead
 * process's keys when its 'EXIT' arrives. That clean-up is asynchronous, so {@link #lookup} checks
 * that the holder is alive, and {@link #register} replaces a dead holder not yet cleaned up.
 *
 * <pre>{@code
 * Registry.startLink(ctx, "sessions");
 * Registry.register(ctx, "sessions", userId);                      // the calling process
 * Optional<Pid> session = Registry.lookup(ctx, "sessions", userId);
 *
 * // or name a GenServer by a key, Elixir's {:via, Registry, {"sessions", userId}}:
 * GenServer.startLink(ctx, new Session(), StartOptions.via("sessions", userId));
 * GenServer.call(ctx, ServerRef.via("sessions", userId), "state");
 * }</pre>
 *
 * <p>The registry process is registered under the registry's name as a local name, as Elixir's is,
 * so the name cannot also be used by another locally named process. Functions other than
 * {@code start}/{@code startLink} throw {@link IllegalArgumentException} for a registry that is
 * not running, as Elixir raises {@code ArgumentError} ("unknown registry").
 *
 * <p>Limitations: unique keys only (no {@code :duplicate} registries, no dispatch), no values
 * stored with a key, no partitions (one registry process), no listeners, no match specs.
 */
public final class Registry {
    private Registry() {}

    /** Starts a registry named {@code name}, not linked to the caller; a name taken gives {@code already_started}. */
    public static StartResult start(ProcessContext ctx, String name) {
        return GenServer.start(ctx, new RegistryServer(checked(name)), StartOptions.named(name));
    }

    /** Starts a registry named {@code name}, linked to the caller (for a supervisor's child spec). */
    public static StartResult startLink(ProcessContext ctx, String name) {
        return GenServer.startLink(ctx, new RegistryServer(checked(name)), StartOptions.named(name));
    }

    /**
     * Registers the calling process under {@code key} and links it to the registry. A key held by a
     * live process gives {@link RegisterResult.AlreadyRegistered}; one held by a dead process whose
     * entry is not cleaned up yet is taken over.
     */
    public static RegisterResult register(ProcessContext ctx, String registry, Object key) {
        return RegistryTables.of(ctx).require(registry).register(ctx, key);
    }

    /**
     * Removes the calling process's registration under {@code key}, if it has one; once it holds no
     * key in this registry it is unlinked from the registry process.
     */
    public static void unregister(ProcessContext ctx, String registry, Object key) {
        RegistryTables.of(ctx).require(registry).unregister(ctx, key);
    }

    /** The live process registered under {@code key}, Elixir's {@code lookup/2} for unique keys. */
    public static Optional<Pid> lookup(ProcessContext ctx, String registry, Object key) {
        return RegistryTables.of(ctx).require(registry).lookup(key);
    }

    /**
     * How many keys the table holds, Elixir's {@code count/1}: entries of processes that died but
     * are not cleaned up yet are included.
     */
    public static int count(ProcessContext ctx, String registry) {
        return RegistryTables.of(ctx).require(registry).count();
    }

    private static String checked(String name) {
        return new ServerRef.Name(name).name(); // a registry is found by its local name: same rules
    }
}
