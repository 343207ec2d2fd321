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

    private final String root;
    private final Map<String, Node> nodes = new LinkedHashMap<>();

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

    public Optional<Node> node(String path) {
        return Optional.ofNullable(nodes.get(path));
    }

    /** The first {@code max} paths, in start order, then {@code ...} if there are more: {@code root, root/db, ...}. */
    public String listing(int max) {
        StringBuilder out = new StringBuilder();
        int count = 0;
        for (String path : nodes.keySet()) {
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
