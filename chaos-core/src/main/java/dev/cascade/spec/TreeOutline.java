package dev.cascade.spec;

import dev.cascade.internal.Echo;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.NestedSupervisor;
import dev.cascade.supervisor.Restart;
import dev.cascade.supervisor.Strategy;
import dev.cascade.supervisor.SupervisorSpec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The shape of a supervision tree as specifications read it: every path in start order, with its
 * restart type and, for a supervisor, its strategy, intensity, period and children.
 *
 * <pre>{@code
 * TreeOutline outline = TreeOutline.of("root", payments);
 * outline.node("root/gateway").orElseThrow().restart();     // PERMANENT
 * outline.under("root/app");                                // root/app, root/app/cache, …
 * }</pre>
 */
public final class TreeOutline {
    /**
     * One path of the tree.
     *
     * @param parent    its supervisor's path, empty for the root
     * @param children  its children's paths in start order (empty for a worker)
     * @param strategy  a supervisor's strategy, null for a worker
     * @param intensity a supervisor's intensity (0 for a worker)
     * @param period    a supervisor's period, null for a worker
     */
    public record Node(String path, Optional<String> parent, boolean supervisor, Restart restart, Strategy strategy,
                       int intensity, Duration period, List<String> children) {
        public Node {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(parent, "parent");
            Objects.requireNonNull(restart, "restart");
            children = List.copyOf(children);
        }
    }

    private final String root;
    private final Map<String, Node> nodes;

    private TreeOutline(String root, Map<String, Node> nodes) {
        this.root = root;
        this.nodes = nodes;
    }

    /** The outline of {@code spec} started as the root {@code root} (a {@code ChaosTree}'s default is {@code "root"}). */
    public static TreeOutline of(String root, SupervisorSpec spec) {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(spec, "spec");
        Map<String, Node> nodes = new LinkedHashMap<>();
        add(nodes, root, Optional.empty(), Restart.PERMANENT, spec);
        return new TreeOutline(root, nodes);
    }

    private static void add(Map<String, Node> nodes, String path, Optional<String> parent, Restart restart, SupervisorSpec spec) {
        List<String> children = spec.children().stream().map(child -> path + "/" + child.id()).toList();
        nodes.put(path, new Node(path, parent, true, restart, spec.strategy(), spec.intensity(), spec.period(), children));
        for (ChildSpec child : spec.children()) {
            String at = path + "/" + child.id();
            if (child.start() instanceof NestedSupervisor nested) {
                add(nodes, at, Optional.of(path), child.restart(), nested.spec());
            } else {
                nodes.put(at, new Node(at, Optional.of(path), false, child.restart(), null, 0, null, List.of()));
            }
        }
    }

    /** The root's path. */
    public String root() {
        return root;
    }

    /** The node at {@code path}, if the tree has it. */
    public Optional<Node> node(String path) {
        return Optional.ofNullable(nodes.get(path));
    }

    /** Every path, in start order (pre-order). */
    public List<String> paths() {
        return List.copyOf(nodes.keySet());
    }

    /** {@code path} and every path below it, in start order. */
    public List<String> under(String path) {
        List<String> below = new ArrayList<>();
        for (String at : nodes.keySet()) {
            if (isUnder(at, path)) {
                below.add(at);
            }
        }
        return below;
    }

    /** Whether {@code path} is {@code ancestor} or lies below it. */
    public static boolean isUnder(String path, String ancestor) {
        return path.equals(ancestor) || path.startsWith(ancestor + "/");
    }

    /** The path of the node, or a message-ready error naming the paths there are. */
    Node require(String path, String what) {
        Node node = nodes.get(path);
        if (node == null) {
            String all = String.join(", ", nodes.keySet());
            throw new IllegalArgumentException(what + ": " + Echo.quoted(path) + " is not a path of the tree (paths: "
                    + Echo.cut(all, 200) + ")");
        }
        return node;
    }
}
