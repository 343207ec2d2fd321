package dev.cascade.junit.property;

import dev.cascade.agent.MethodMatch;
import dev.cascade.junit.FaultPlans;
import dev.cascade.spec.TreeOutline;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * What {@link dev.cascade.junit.FaultPlans} draws from: the tree, the paths faults may target, the
 * kinds, at most how many faults, and until when they may come.
 */
public record PlanSpace(TreeOutline tree, List<String> targets, Set<FaultPlans.Kind> kinds, int maxFaults, Duration horizon,
                        List<MethodMatch> methods) {
    public PlanSpace {
        targets = List.copyOf(targets);
        methods = List.copyOf(methods);
        kinds = Set.copyOf(kinds);
        if (maxFaults < 1) {
            throw new IllegalArgumentException("maxFaults must be >= 1 but was " + maxFaults);
        }
        if (horizon.isNegative()) {
            throw new IllegalArgumentException("the horizon must be >= 0 but was " + horizon);
        }
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("kinds(…) needs at least one kind, e.g. kinds(Kind.CRASH, Kind.KILL)");
        }
    }

    /** The targeted paths that are workers. */
    List<String> workers() {
        return targets.stream().filter(path -> !tree.node(path).orElseThrow().supervisor()).toList();
    }

    /** The targeted paths below the root (start faults and breaches need a supervisor above them). */
    List<String> children() {
        return targets.stream().filter(path -> !path.equals(tree.root())).toList();
    }

    /** The targeted children a breach can apply to: restarted (not temporary) by a supervisor with intensity > 0. */
    List<String> breachable() {
        return children().stream().filter(path -> {
            TreeOutline.Node node = tree.node(path).orElseThrow();
            return node.restart() != dev.cascade.supervisor.Restart.TEMPORARY
                    && tree.node(node.parent().orElseThrow()).orElseThrow().intensity() > 0;
        }).toList();
    }

    /** The targeted supervisors below the root. */
    List<String> supervisors() {
        return children().stream().filter(path -> tree.node(path).orElseThrow().supervisor()).toList();
    }
}
