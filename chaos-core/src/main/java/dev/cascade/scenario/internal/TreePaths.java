package dev.cascade.scenario.internal;

import dev.cascade.scenario.DynamicStart;
import dev.cascade.scenario.DynamicSupervisorNode;
import dev.cascade.scenario.ScenarioNode;
import dev.cascade.scenario.SupervisorNode;
import dev.cascade.scenario.WorkerNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;

/**
 * Paths of a tree's nodes ({@code root/app/cache}) in start (pre-order, file) order; a dynamic
 * supervisor's children follow it, one path per key it starts ({@code root/sessions/alice}), each
 * mapped to the template it is started from.
 */
public final class TreePaths {

    private TreePaths() {}

    public static SequencedMap<String, ScenarioNode> index(SupervisorNode root) {
        SequencedMap<String, ScenarioNode> index = new LinkedHashMap<>();
        add(index, root.id(), root);
        return index;
    }

    private static void add(SequencedMap<String, ScenarioNode> index, String path, ScenarioNode node) {
        index.put(path, node);
        if (node instanceof SupervisorNode supervisor) {
            for (ScenarioNode child : supervisor.children()) {
                add(index, path + "/" + child.id(), child);
            }
        }
        if (node instanceof DynamicSupervisorNode dynamic) {
            Map<String, WorkerNode> templates = dynamic.templatesById();
            for (DynamicStart start : dynamic.starts()) {
                index.put(path + "/" + start.key(), templates.get(start.template()));
            }
        }
    }

    /** The paths for a message: {@code root, root/db, root/app}, shortened after {@code max}. */
    public static String list(Iterable<String> paths, int max) {
        StringBuilder out = new StringBuilder();
        int count = 0;
        for (String path : paths) {
            if (count == max || out.length() > 300) { // a message stays short however many and long the paths
                return out.append(", ...").toString();
            }
            out.append(count++ == 0 ? "" : ", ").append(dev.cascade.internal.Echo.value(path));
        }
        return out.toString();
    }
}
