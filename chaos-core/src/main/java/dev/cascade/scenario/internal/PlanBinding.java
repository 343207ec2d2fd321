package dev.cascade.scenario.internal;

import dev.cascade.chaos.Fault;
import dev.cascade.chaos.FaultPlan;
import dev.cascade.chaos.internal.Binding;
import dev.cascade.chaos.internal.TreeShape;
import dev.cascade.scenario.SupervisorNode;

import java.util.List;
import java.util.Optional;

/**
 * A scenario's faults bound to its tree as a fault plan is, by the plan's own {@link Binding}, in
 * the words of a file, so that a fault the plan would refuse is refused at its place. A dynamic
 * supervisor's children are paths of the tree for this ({@code root/sessions/alice}), one per key
 * the file starts; a path below a dynamic supervisor with any other key is refused naming the keys
 * that are started. Not API.
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
        DynamicKeys keys = DynamicKeys.of(tree);
        for (int i = 0; i < faults.size(); i++) {
            Fault fault = faults.get(i).fault();
            Optional<Binding.Refusal> refused = keys.refusal(fault).or(() -> binding.refusal(fault));
            if (refused.isPresent()) {
                return Optional.of(new Unbound(i, refused.get()));
            }
        }
        return Optional.empty();
    }

    /**
     * The shape of the tree a scenario describes, its root's id the first segment of every path, with
     * the children its dynamic supervisors start during the run.
     */
    public static TreeShape shape(SupervisorNode tree) {
        TreeShape shape = new TreeShape(tree.id(), TreeSpecs.supervisor(tree));
        shape.grows(DynamicKeys.of(tree));
        return shape;
    }
}
