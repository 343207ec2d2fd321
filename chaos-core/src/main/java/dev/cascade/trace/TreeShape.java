package dev.cascade.trace;

import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.ChildType;
import dev.cascade.supervisor.NestedSupervisor;
import dev.cascade.supervisor.Restart;
import dev.cascade.supervisor.Strategy;
import dev.cascade.supervisor.SupervisorSpec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The shape of a supervision tree as it was started: every node of the static tree, parents
 * before children, siblings in start order, each with its kind and restart settings. A trace
 * file carries it beside the events, so a report can draw the tree and tell a supervisor's exit
 * from a worker's.
 *
 * <pre>{@code
 * TreeShape shape = TreeShape.of("root", SupervisorSpec.oneForOne().withChild(ChildSpec.worker("db", Db::new)));
 * shape.paths();                       // [root, root/db]
 * shape.isSupervisor("root");          // true
 * }</pre>
 *
 * @param nodes every node, parents before children, siblings in start order
 */
public record TreeShape(List<Node> nodes) {
    /** A shape of no nodes: a run without a tree. */
    public static final TreeShape NONE = new TreeShape(List.of());

    /** Copies the nodes. */
    public TreeShape {
        nodes = List.copyOf(nodes);
    }

    /** One node of the tree. */
    public sealed interface Node {
        /** Its tree path, {@code root/app/cache}. */
        String path();

        /** Its restart type under its parent; empty for the root. */
        Optional<Restart> restart();
    }

    /**
     * A supervisor: more than {@code intensity} restarts within {@code period} make it give up.
     *
     * @param restart empty for the root
     */
    public record Supervisor(String path, Optional<Restart> restart, Strategy strategy, int intensity, Duration period)
            implements Node {
        /** Rejects null. */
        public Supervisor {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(restart, "restart");
            Objects.requireNonNull(strategy, "strategy");
            Objects.requireNonNull(period, "period");
        }
    }

    /** A supervisor child started by the user's own start function: its settings and children are not known. */
    public record OpaqueSupervisor(String path, Restart type) implements Node {
        /** Rejects null. */
        public OpaqueSupervisor {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(type, "type");
        }

        public Optional<Restart> restart() {
            return Optional.of(type);
        }
    }

    /** A worker (any child that is not a supervisor). */
    public record Worker(String path, Restart type) implements Node {
        /** Rejects null. */
        public Worker {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(type, "type");
        }

        public Optional<Restart> restart() {
            return Optional.of(type);
        }
    }

    /** The shape of {@code spec} started as {@code root}. */
    public static TreeShape of(String root, SupervisorSpec spec) {
        List<Node> nodes = new ArrayList<>();
        nodes.add(new Supervisor(root, Optional.empty(), spec.strategy(), spec.intensity(), spec.period()));
        add(nodes, root, spec);
        return new TreeShape(nodes);
    }

    private static void add(List<Node> nodes, String path, SupervisorSpec spec) {
        for (ChildSpec child : spec.children()) {
            String childPath = path + "/" + child.id();
            if (child.start() instanceof NestedSupervisor nested) {
                SupervisorSpec own = nested.spec();
                nodes.add(new Supervisor(childPath, Optional.of(child.restart()), own.strategy(), own.intensity(), own.period()));
                add(nodes, childPath, own);
            } else if (child.type() == ChildType.SUPERVISOR) {
                nodes.add(new OpaqueSupervisor(childPath, child.restart()));
            } else {
                nodes.add(new Worker(childPath, child.restart()));
            }
        }
    }

    /** Every path, parents before children. */
    public List<String> paths() {
        return nodes.stream().map(Node::path).toList();
    }

    /** The node at {@code path}, if the static tree has one. */
    public Optional<Node> node(String path) {
        return nodes.stream().filter(node -> node.path().equals(path)).findFirst();
    }

    /** Whether {@code path} is a supervisor of the static tree. */
    public boolean isSupervisor(String path) {
        return node(path).filter(node -> !(node instanceof Worker)).isPresent();
    }
}
