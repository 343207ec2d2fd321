package dev.cascade.scenario;

import dev.cascade.chaos.Fault;
import dev.cascade.chaos.FaultPlan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An immutable DSL step describing a {@link Scenario}; start with {@link Scenario#named(String)} and
 * finish with {@link #build()}. Every method returns a new builder.
 */
public final class ScenarioBuilder {

    private final String name;
    private final SupervisorBuilder tree;
    private final List<FaultPlan.Timed> faults;
    private final Duration settle;

    private ScenarioBuilder(String name, SupervisorBuilder tree, List<FaultPlan.Timed> faults, Duration settle) {
        this.name = name;
        this.tree = tree;
        this.faults = faults;
        this.settle = settle;
    }

    static ScenarioBuilder start(String name) {
        return new ScenarioBuilder(Objects.requireNonNull(name, "name"), null, List.of(), null);
    }

    /** The tree, rooted at a supervisor, e.g. {@code tree(ScenarioTree.supervisor("root").child(..))}. */
    public ScenarioBuilder tree(SupervisorBuilder root) {
        return new ScenarioBuilder(name, Objects.requireNonNull(root, "root"), faults, settle);
    }

    /**
     * Adds {@code fault} at {@code at} after the tree finished starting, after the others, e.g.
     * {@code fault(Duration.ofMillis(100), Fault.raise("root/db", "boom"))}.
     */
    public ScenarioBuilder fault(Duration at, Fault fault) {
        List<FaultPlan.Timed> more = new ArrayList<>(faults);
        more.add(new FaultPlan.Timed(at, Objects.requireNonNull(fault, "fault")));
        return new ScenarioBuilder(name, tree, List.copyOf(more), settle);
    }

    /** Adds every fault of {@code plan}, in its order, after the others, e.g. {@code faults(FaultPlan.now(Fault.kill("root/db")))}. */
    public ScenarioBuilder faults(FaultPlan plan) {
        List<FaultPlan.Timed> more = new ArrayList<>(faults);
        more.addAll(plan.faults());
        return new ScenarioBuilder(name, tree, List.copyOf(more), settle);
    }

    /** How long the tree runs after the last fault, e.g. {@code settle(Duration.ofMillis(500))}. */
    public ScenarioBuilder settle(Duration settle) {
        return new ScenarioBuilder(name, tree, faults, Objects.requireNonNull(settle, "settle"));
    }

    /**
     * The validated scenario.
     *
     * @throws IllegalStateException    if {@link #tree} or {@link #settle} was not called
     * @throws IllegalArgumentException naming the offending value
     */
    public Scenario build() {
        if (tree == null) {
            throw new IllegalStateException("scenario " + name + " has no tree: call"
                    + " tree(ScenarioTree.supervisor(\"root\")...) before build()");
        }
        if (settle == null) {
            throw new IllegalStateException("scenario " + name + " has no settle time: call"
                    + " settle(Duration), e.g. settle(Duration.ofMillis(500)), before build()");
        }
        return new Scenario(name, tree.build(), faults, settle);
    }
}
