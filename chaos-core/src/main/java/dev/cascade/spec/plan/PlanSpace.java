package dev.cascade.spec.plan;

import dev.cascade.agent.MethodMatch;
import dev.cascade.spec.TreeOutline;

import java.time.Duration;
import java.util.List;
import java.util.EnumSet;
import java.util.Set;

/**
 * What plans are drawn from: the tree, the paths faults may target, the kinds, at most how many
 * faults, and until when they may come.
 *
 * <pre>{@code
 * PlanSpace space = PlanSpace.over(ScenarioSpecs.outline(scenario)).maxFaults(8);
 * Trial trial = new PlanGenerator(space).draw(new Random(42));
 * }</pre>
 */
public record PlanSpace(TreeOutline tree, List<String> targets, Set<FaultKind> kinds, int maxFaults, Duration horizon,
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
            throw new IllegalArgumentException("kinds(…) needs at least one kind, e.g. kinds(FaultKind.CRASH, FaultKind.KILL)");
        }
    }

    /** Every path of {@code tree}, every kind, at most 4 faults within 1 s (as {@code FaultPlans} starts). */
    public static PlanSpace over(TreeOutline tree) {
        return new PlanSpace(tree, tree.paths(), EnumSet.allOf(FaultKind.class), 4, Duration.ofSeconds(1), List.of());
    }

    /** This space with only {@code kinds}. */
    public PlanSpace kinds(Set<FaultKind> kinds) {
        return new PlanSpace(tree, targets, kinds, maxFaults, horizon, methods);
    }

    /** This space with at most {@code count} faults per plan. */
    public PlanSpace maxFaults(int count) {
        return new PlanSpace(tree, targets, kinds, count, horizon, methods);
    }

    /** This space with faults within {@code horizon}. */
    public PlanSpace horizon(Duration horizon) {
        return new PlanSpace(tree, targets, kinds, maxFaults, horizon, methods);
    }

    /** This space with method faults (through the agent) on {@code methods}; none are drawn without any. */
    public PlanSpace methods(List<MethodMatch> methods) {
        return new PlanSpace(tree, targets, kinds, maxFaults, horizon, methods);
    }

    /** This space with only faults on {@code targets}. */
    public PlanSpace targets(List<String> targets) {
        return new PlanSpace(tree, targets, kinds, maxFaults, horizon, methods);
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
                    && tree.node(node.parent().orElseThrow()).orElseThrow().settings().filter(parent -> parent.intensity() > 0).isPresent();
        }).toList();
    }

    /** The targeted supervisors below the root. */
    List<String> supervisors() {
        return children().stream().filter(path -> tree.node(path).orElseThrow().supervisor()).toList();
    }
}
