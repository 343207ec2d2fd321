package dev.cascade.scenario.internal;

import dev.cascade.chaos.Fault;
import dev.cascade.chaos.internal.Binding;
import dev.cascade.chaos.internal.TreeShape;
import dev.cascade.runtime.internal.TreeIndex;
import dev.cascade.scenario.FaultKind;
import dev.cascade.scenario.Scenario;

/**
 * Binds a scenario's faults to its tree as a fault plan would, before anything runs, so that a
 * fault the plan would refuse is reported at its place in the file. Not API.
 */
public final class FaultBinding {
    /**
     * A fault that cannot bind.
     *
     * @param index   its position in the scenario's faults, from 0
     * @param problem why, as the fault plan says it
     */
    public record Unbound(int index, String problem) {}

    private FaultBinding() {}

    /** The first fault of {@code scenario} that cannot bind to its tree, or null. */
    public static Unbound check(Scenario scenario) {
        Binding binding = new Binding(shape(scenario), new TreeIndex());
        for (int i = 0; i < scenario.faults().size(); i++) {
            try {
                Fault fault = FaultMapping.of(scenario.faults().get(i));
                if (scenario.faults().get(i).kind() != FaultKind.FLOOD) { // a flood's target must be live when it fires, not now
                    binding.check(fault);
                }
            } catch (IllegalArgumentException refused) { // FaultPlanException included
                return new Unbound(i, refused.getMessage());
            }
        }
        return null;
    }

    static TreeShape shape(Scenario scenario) {
        return new TreeShape(scenario.tree().id(), TreeSpecs.supervisor(scenario.tree()));
    }
}
