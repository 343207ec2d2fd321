package dev.cascade.chaos.internal;

import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.ChildType;
import dev.cascade.supervisor.NestedSupervisor;
import dev.cascade.supervisor.SupervisorSpec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The paths of a tree spec, each with its child spec and its supervisor's spec, for checking plans. */
public final class TreeShape {
    /**
     * One path of the tree.
     *
     * @param child  its child spec (null for the root)
     * @param parent its supervisor's spec (null for the root)
     * @param own    its own spec when it is a supervisor whose spec is known, else null
     */
    public record Node(String path, ChildSpec child, SupervisorSpec parent, SupervisorSpec own) {
        public boolean supervisor() {
            return child == null || child.type() == ChildType.SUPERVISOR;
        }
    }

    /** Paths a tree gains as it runs: the children of its dynamic supervisors. */
    public interface Grown {
        Optional<Node> node(String path);

        /** Every such path so far, in the order they appeared. */
        java.util.List<String> paths();
    }

    private final String root;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private Grown grown = new Grown() {
        public Optional<Node> node(String path) {
            return Optional.empty();
        }

        public java.util.List<String> paths() {
            return java.util.List.of();
        }
    };

    public TreeShape(String root, SupervisorSpec spec) {
        this.root = root;
        nodes.put(root, new Node(root, null, null, spec));
        add(root, spec);
    }

    private void add(String path, SupervisorSpec spec) {
        for (ChildSpec child : spec.children()) {
            String childPath = path + "/" + child.id();
            SupervisorSpec own = child.start() instanceof NestedSupervisor nested ? nested.spec() : null;
            nodes.put(childPath, new Node(childPath, child, spec, own));
            if (own != null) {
                add(childPath, own);
            }
        }
    }

    public String root() {
        return root;
    }

    /** Follows the paths the running tree gains (see {@link Grown}) besides those of its spec. */
    public void grows(Grown grown) {
        this.grown = grown;
    }

    public Optional<Node> node(String path) {
        Node node = nodes.get(path);
        return node != null ? Optional.of(node) : grown.node(path);
    }

    /** Why {@code path} is refused, for every message that names a target: {@code the tree has no path root/ledgr (paths: …)}. */
    public String noSuchPath(String path) {
        return "the tree has no path " + dev.cascade.internal.Echo.value(path) + " (paths: " + listing() + ")";
    }

    /** The first {@code max} paths, in start order, then {@code ...} if there are more: {@code root, root/db, ...}. */
    public String listing(int max) {
        StringBuilder out = new StringBuilder();
        int count = 0;
        java.util.List<String> paths = new java.util.ArrayList<>(nodes.keySet());
        paths.addAll(grown.paths());
        for (String path : paths) {
            if (count == max || out.length() > 300) { // a message stays short however many and long the paths
                return out.append(", ...").toString();
            }
            out.append(count++ == 0 ? "" : ", ").append(dev.cascade.internal.Echo.value(path));
        }
        return out.toString();
    }

    /** The paths, in start order, for messages ("paths: root, root/db, …"). */
    public String listing() {
        return listing(20);
    }
}
