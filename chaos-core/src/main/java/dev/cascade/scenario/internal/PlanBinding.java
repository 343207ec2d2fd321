package dev.cascade.scenario.internal;

import dev.cascade.chaos.FaultPlan;
import dev.cascade.chaos.internal.Binding;
import dev.cascade.chaos.internal.TreeShape;
import dev.cascade.scenario.SupervisorNode;

import java.util.List;
import java.util.Optional;

/**
 * A scenario's faults bound to its tree as a fault plan is, by the plan's own {@link Binding}, in
 * the words of a file, so that a fault the plan would refuse is refused at its place. Not API.
 */
public final class PlanBinding {
    /**
     * A fault that cannot bind.
     *
     * @param index   its position in the scenario's faults, from 0
     * @param refusal which of its fields, and why
     */
    public record Unbound(int index, Binding.Refusal refusal) {}

    private PlanBinding() {}

    /** The first of {@code faults} that cannot bind to {@code tree}, if one cannot. */
    public static Optional<Unbound> check(SupervisorNode tree, List<FaultPlan.Timed> faults) {
        Binding binding = new Binding(shape(tree), Binding.Vocabulary.FILE);
        for (int i = 0; i < faults.size(); i++) {
            Optional<Binding.Refusal> refused = binding.refusal(faults.get(i).fault());
            if (refused.isPresent()) {
                return Optional.of(new Unbound(i, refused.get()));
            }
        }
        return Optional.empty();
    }

    /** The shape of the tree a scenario describes, its root's id the first segment of every path. */
    public static TreeShape shape(SupervisorNode tree) {
        return new TreeShape(tree.id(), TreeSpecs.supervisor(tree));
    }
}
