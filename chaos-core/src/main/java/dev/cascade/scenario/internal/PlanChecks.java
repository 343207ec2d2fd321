package dev.cascade.scenario.internal;

import dev.cascade.scenario.Scenario;
import dev.cascade.scenario.ScenarioNode;
import dev.cascade.scenario.SupervisorNode;
import dev.cascade.scenario.Traffic;

import java.util.Map;

/**
 * The rules that tie traffic to the tree: where a worker may send. Shared by the file reader (which
 * reports the field's location) and {@link Scenario} (which throws {@link IllegalArgumentException}),
 * so both say the same. (Faults are bound to the tree by the fault plan's own binding.)
 */
public final class PlanChecks {

    /** A broken rule: the file field it is about ({@code kind}, {@code target}, {@code from}, ...) and why. */
    public record Problem(String field, String message) {}

    private PlanChecks() {}

    /** The first rule traffic {@code traffic} of the worker at {@code sender} breaks, or null; field {@code to}. */
    public static Problem traffic(String sender, Traffic traffic, Map<String, ScenarioNode> nodes) {
        Problem missing = path("to", traffic.to(), nodes);
        if (missing != null) {
            return missing;
        }
        if (nodes.get(traffic.to()) instanceof SupervisorNode) {
            return new Problem("to", traffic.to() + " is a supervisor; sends go to workers, which answer calls and casts");
        }
        if (traffic.to().equals(sender)) {
            return new Problem("to", "a worker does not send to itself (a call to itself fails with calling_self)");
        }
        return null;
    }

    private static Problem path(String field, String path, Map<String, ScenarioNode> nodes) {
        return nodes.containsKey(path) ? null : new Problem(field, "no node at path " + dev.cascade.internal.Echo.quoted(path) + " (paths: "
                + TreePaths.list(nodes.keySet(), 20) + ")");
    }
}
