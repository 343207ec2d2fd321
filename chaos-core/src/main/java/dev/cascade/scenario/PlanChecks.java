package dev.cascade.scenario;

import dev.cascade.supervisor.Restart;
import java.util.Map;

/**
 * The rules that tie faults and traffic to the tree: what each fault kind can target, and where a
 * worker may send. Shared by the file reader (which reports the field's location) and
 * {@link Scenario} (which throws {@link IllegalArgumentException}), so both say the same.
 */
final class PlanChecks {

    /** A broken rule: the file field it is about ({@code kind}, {@code target}, {@code from}, ...) and why. */
    record Problem(String field, String message) {}

    private PlanChecks() {}

    /** The first rule {@code fault} breaks, or null; its target is known to be a path of {@code nodes}. */
    static Problem fault(ScenarioFault fault, Map<String, ScenarioNode> nodes) {
        String target = fault.target();
        ScenarioNode node = nodes.get(target);
        String kind = Checks.spelling(fault.kind());
        if (fault.kind().needsWorker() && node instanceof SupervisorNode) {
            return new Problem("kind", kind + " needs a worker but " + target + " is a supervisor"
                    + (fault.kind() == FaultKind.CALL_TIMEOUT ? ", which is not called by sends; target a worker that sends call to"
                    : ", which runs no handler to " + kind + " in; use kill or exit_signal on a supervisor"));
        }
        if (fault.kind().needsChild() && !target.contains("/")) {
            return new Problem("target", kind + " cannot target the root " + target + (fault.kind() == FaultKind.BREACH_INTENSITY
                    ? ": no supervisor above it counts its restarts" : ": it starts once, before any fault applies")
                    + "; target a child path");
        }
        if (fault.kind() == FaultKind.BREACH_INTENSITY) {
            return breach(target, node, (SupervisorNode) nodes.get(target.substring(0, target.lastIndexOf('/'))));
        }
        if (fault.kind().isLinkFault()) {
            return path("from", fault.options().from(), nodes);
        }
        if (fault.kind() == FaultKind.CALL_TIMEOUT && fault.options().has("caller")) {
            String caller = fault.options().caller();
            Problem missing = path("caller", caller, nodes);
            if (missing != null) {
                return missing;
            }
            if (nodes.get(caller) instanceof SupervisorNode) {
                return new Problem("caller", caller + " is a supervisor; only workers make calls (with sends)");
            }
            if (caller.equals(target)) {
                return new Problem("caller", "caller and target are both " + target + "; a worker does not call itself");
            }
        }
        return null;
    }

    private static Problem breach(String target, ScenarioNode node, SupervisorNode parent) {
        if (node.restart() == Restart.TEMPORARY) {
            return new Problem("target", target + " is temporary: its supervisor never restarts it, so its failures cannot"
                    + " breach the intensity; target a permanent or transient child");
        }
        if (parent.intensity() == 0) {
            return new Problem("target", "the supervisor of " + target + " has intensity 0: its first failure already ends"
                    + " it, so there is no limit to breach; use kill");
        }
        return null;
    }

    /** The first rule traffic {@code traffic} of the worker at {@code sender} breaks, or null; field {@code to}. */
    static Problem traffic(String sender, Traffic traffic, Map<String, ScenarioNode> nodes) {
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
