package dev.cascade.chaos.internal;

import dev.cascade.registry.internal.RegistryTable;
import dev.cascade.registry.internal.RegistryTables;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ServerRef;
import dev.cascade.runtime.internal.Kernel;

import java.util.List;

/**
 * What a test may name in a tree: its paths (the same check and the same message as fault binding,
 * {@link TreeShape#noSuchPath}), and registered names. A name the tree never had is a typo and is
 * refused, listing the names it has; a name it had whose process is dead now is a legitimate
 * target (a call gets {@code noproc}).
 */
public final class TreeTargets {
    private static final int LISTED = 20;

    private final TreeShape shape;
    private final Kernel kernel;

    public TreeTargets(TreeShape shape, Kernel kernel) {
        this.shape = shape;
        this.kernel = kernel;
    }

    /**
     * Checks {@code path} names a path of the tree.
     *
     * @throws IllegalArgumentException {@code <what>: the tree has no path root/ledgr (paths: root, root/ledger, …)}
     */
    public String path(String what, String path) {
        if (path == null || shape.node(path).isEmpty()) {
            throw new IllegalArgumentException(what + ": " + shape.noSuchPath(String.valueOf(path)));
        }
        return path;
    }

    /**
     * Checks {@code ref} names something that exists or existed: a pid is taken as is; a local name
     * must be registered now (local names keep no history); a registry key must be in a running
     * registry and have been registered there at some point.
     *
     * @throws IllegalArgumentException naming the running registries or the names held now
     */
    public ServerRef name(String what, ServerRef ref) {
        switch (ref) {
            case Pid pid -> { }
            case ServerRef.Name name -> {
                if (kernel.whereis(name.name()).isEmpty()) {
                    throw new IllegalArgumentException(what + ": no process is registered under the name \"" + name.name()
                            + "\" (registered now: " + list(kernel.registeredNames()) + "); a local name is released when its "
                            + "process dies, so name a tree path (root/app/cache) to reach whichever process holds it");
                }
            }
            case ServerRef.Via via -> {
                RegistryTables tables = RegistryTables.on(kernel).orElse(null);
                RegistryTable table = tables == null ? null : tables.running(via.registry()).orElse(null);
                if (table == null) {
                    throw new IllegalArgumentException(what + ": no registry \"" + via.registry() + "\" is running in this tree"
                            + " (registries: " + (tables == null ? "none" : list(tables.names())) + ")");
                }
                if (!table.everHeld(via.key())) {
                    throw new IllegalArgumentException(what + ": no process was ever registered under key " + quoted(via.key())
                            + " in registry \"" + via.registry() + "\" (keys held now: "
                            + list(table.liveKeys().stream().map(TreeTargets::quoted).toList()) + ")");
                }
            }
        }
        return ref;
    }

    private static String quoted(Object key) {
        return key instanceof String text ? "\"" + text + "\"" : String.valueOf(key);
    }

    private static String list(List<String> names) {
        if (names.isEmpty()) {
            return "none";
        }
        return names.size() <= LISTED ? String.join(", ", names)
                : String.join(", ", names.subList(0, LISTED)) + ", … (" + names.size() + " in all)";
    }
}
