package dev.cascade.registry.internal;

import dev.cascade.registry.RegisterResult;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.runtime.ServerRef;
import dev.cascade.runtime.internal.Kernel;
import dev.cascade.runtime.internal.ProcessCell;
import dev.cascade.runtime.internal.ViaNames;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The running registries of one node, by name, attached to its kernel; also the node's name
 * service for {@link ServerRef.Via}, so the runtime resolves via names without knowing registries.
 *
 * <pre>{@code
 * Optional<Pid> holder = RegistryTables.of(ctx).require("sessions").lookup(userId);
 * }</pre>
 */
public final class RegistryTables implements ViaNames {
    private final Kernel kernel;
    private final ConcurrentHashMap<String, RegistryTable> tables = new ConcurrentHashMap<>();

    private RegistryTables(Kernel kernel) {
        this.kernel = kernel;
    }

    public static RegistryTables of(ProcessContext ctx) {
        Kernel kernel = ProcessCell.of(ctx).kernel();
        // The registry is the only via name service, so what is attached under ViaNames is ours.
        return (RegistryTables) kernel.attach(ViaNames.class, () -> new RegistryTables(kernel));
    }

    /** The registries of {@code kernel}'s node, if any was ever started there. */
    public static Optional<RegistryTables> on(Kernel kernel) {
        return kernel.attachment(ViaNames.class).filter(RegistryTables.class::isInstance).map(RegistryTables.class::cast);
    }

    /** The running registry {@code name}, if it is running. */
    public Optional<RegistryTable> running(String name) {
        return find(name);
    }

    /** The names of the running registries, sorted. */
    public java.util.List<String> names() {
        return tables.values().stream().filter(table -> alive(table.owner())).map(RegistryTable::name).sorted().toList();
    }

    /**
     * The table of the running registry {@code name}.
     *
     * @throws IllegalArgumentException if no registry of that name is running
     */
    public RegistryTable require(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("unknown registry \"" + name
                + "\": no registry of that name is running on this node; start it first with Registry.start(ctx, \""
                + name + "\") or Registry.startLink"));
    }

    void attach(RegistryTable table) {
        tables.put(table.name(), table); // a table under this name belongs to a registry that died
    }

    void detach(RegistryTable table) {
        tables.remove(table.name(), table);
    }

    boolean alive(Pid pid) {
        ProcessCell cell = kernel.cell(pid);
        return cell != null && cell.alive();
    }

    private Optional<RegistryTable> find(String name) {
        return Optional.ofNullable(tables.get(name)).filter(table -> alive(table.owner()));
    }

    @Override
    public Optional<Pid> whereis(ServerRef.Via name) {
        return find(name.registry()).flatMap(table -> table.lookup(name.key()));
    }

    @Override
    public Optional<Pid> register(ProcessContext self, ServerRef.Via name) {
        return switch (require(name.registry()).register(self, name.key())) {
            case RegisterResult.Registered registered -> Optional.empty();
            case RegisterResult.AlreadyRegistered taken -> Optional.of(taken.pid());
        };
    }

    @Override
    public Optional<ProcessCell> lastHolder(ServerRef.Via name) {
        return find(name.registry()).flatMap(table -> table.lastHolder(name.key()));
    }

    @Override
    public void unregister(ProcessContext self, ServerRef.Via name) {
        find(name.registry()).ifPresent(table -> table.unregister(self, name.key()));
    }
}
