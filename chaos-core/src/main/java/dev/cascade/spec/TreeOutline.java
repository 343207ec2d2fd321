package dev.cascade.spec;

import dev.cascade.internal.Echo;
import dev.cascade.supervisor.Restart;
import dev.cascade.supervisor.SupervisorSpec;
import dev.cascade.trace.TreeShape;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The shape of a supervision tree as specifications read it: every path in start order, with its
 * parent, its children and what it is. It indexes the trace's own {@link TreeShape} of the tree, so
 * the two agree on every path, including a supervisor a user's function starts (whose settings and
 * children are not known): a supervisor here, never a worker.
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
     * @param shape    what it is, as the trace's tree shape has it: a worker, a supervisor with its
     *                 strategy, intensity and period, or a supervisor a user's function starts
     * @param parent   its supervisor's path, empty for the root
     * @param children its children's paths in start order (none for a worker, nor for a supervisor a
     *                 user's function starts: its children are not known)
     */
    public record Node(TreeShape.Node shape, Optional<String> parent, List<String> children) {
        public Node {
            Objects.requireNonNull(shape, "shape");
            Objects.requireNonNull(parent, "parent");
            children = List.copyOf(children);
        }

        /** Its path, {@code root/app/cache}. */
        public String path() {
            return shape.path();
        }

        /** Its restart type under its parent; the root's is permanent (its owner restarts nothing, but it must run). */
        public Restart restart() {
            return shape.restart().orElse(Restart.PERMANENT);
        }

        /** Whether it is a supervisor: one of the tree's specs, or one a user's function starts. */
        public boolean supervisor() {
            return !(shape instanceof TreeShape.Worker);
        }

        /**
         * A supervisor's strategy, intensity and period; empty for a worker, and for a supervisor a
         * user's function starts (the spec it starts with is not known).
         */
        public Optional<TreeShape.Supervisor> settings() {
            return shape instanceof TreeShape.Supervisor known ? Optional.of(known) : Optional.empty();
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
        List<TreeShape.Node> shape = TreeShape.of(root, spec).nodes(); // parents before children, siblings in start order
        Map<String, List<String>> children = new LinkedHashMap<>();
        for (TreeShape.Node node : shape) {
            children.put(node.path(), new ArrayList<>());
            parent(root, node.path()).ifPresent(parent -> children.get(parent).add(node.path()));
        }
        Map<String, Node> nodes = new LinkedHashMap<>();
        for (TreeShape.Node node : shape) {
            nodes.put(node.path(), new Node(node, parent(root, node.path()), children.get(node.path())));
        }
        return new TreeOutline(root, nodes);
    }

    /**
     * This outline with the worker {@code path} added as the last child of its parent: a child a
     * scenario's dynamic supervisor starts during the run, by key ({@code root/sessions/alice}).
     */
    TreeOutline withDynamicWorker(String path, Restart restart) {
        String parent = path.substring(0, path.lastIndexOf('/'));
        Map<String, Node> more = new LinkedHashMap<>();
        nodes.forEach((at, node) -> {
            List<String> children = new ArrayList<>(node.children());
            if (at.equals(parent)) {
                children.add(path);
            }
            more.put(at, new Node(node.shape(), node.parent(), children));
        });
        more.put(path, new Node(new TreeShape.Worker(path, restart), Optional.of(parent), List.of()));
        return new TreeOutline(root, more);
    }

    /** The parent of {@code path} below {@code root}: a child's id has no {@code /}, so it is everything before the last one. */
    private static Optional<String> parent(String root, String path) {
        return path.equals(root) ? Optional.empty() : Optional.of(path.substring(0, path.lastIndexOf('/')));
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
