package dev.cascade.junit;

import dev.cascade.agent.MethodMatch;
import dev.cascade.scenario.Scenario;
import dev.cascade.spec.ScenarioSpecs;
import dev.cascade.spec.TreeOutline;
import dev.cascade.spec.plan.FaultKind;
import dev.cascade.spec.plan.PlanGenerator;
import dev.cascade.spec.plan.PlanSpace;
import dev.cascade.supervisor.SupervisorSpec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.arbitraries.ArbitraryDecorator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Fault plans over a tree's paths as a jqwik arbitrary: each sample is a {@link FaultPlan} of one
 * to {@link #maxFaults} faults of the chosen {@link FaultKind kinds}, timed within the {@link #horizon},
 * and the seed of the simulated scheduler its try runs under. Edge cases come one try in ten each:
 * an intensity breach, a kill of a supervisor, two faults at the same instant.
 *
 * <pre>{@code
 * @Provide Arbitrary<FaultPlan> gatewayFaults() {
 *     return FaultPlans.forTree(payments()).targeting("root/gateway").maxFaults(8);
 * }
 * }</pre>
 *
 * <p>Samples do not shrink in jqwik: {@link Cascade#check} shrinks a failing plan itself, with
 * {@link dev.cascade.spec.Shrinker} (fewer faults, earlier, nearer the leaves, simpler, seed 0),
 * which knows what a smaller plan is; jqwik's own shrinking of such values is weak.
 *
 * <p>Limitations: a {@code SupervisorSpec}'s root is {@code root} (as {@code ChaosTree.start} names
 * it; {@link #forScenario} takes a scenario's own); method faults are drawn only for the
 * {@link #methods} named, and have no plan-file spelling (a failure with one says so).
 */
public final class FaultPlans extends ArbitraryDecorator<FaultPlan> {
    private final SupervisorSpec spec;
    private final PlanSpace space;

    private FaultPlans(SupervisorSpec spec, PlanSpace space) {
        this.spec = spec;
        this.space = space;
    }

    /** Plans over every path of {@code spec} (started as the root {@code root}): every kind, at most 4 faults within 1 s. */
    public static FaultPlans forTree(SupervisorSpec spec) {
        Objects.requireNonNull(spec, "spec");
        return over(spec, TreeOutline.of("root", spec));
    }

    /** Plans over every path of a scenario's tree (its paths start at its root's id); check them with {@link Cascade#check(Scenario, FaultPlan, dev.cascade.spec.CascadeSpec...)}. */
    public static FaultPlans forScenario(Scenario scenario) {
        Objects.requireNonNull(scenario, "scenario");
        return over(ScenarioSpecs.supervisorSpec(scenario), ScenarioSpecs.outline(scenario));
    }

    private static FaultPlans over(SupervisorSpec spec, TreeOutline tree) {
        return new FaultPlans(spec, PlanSpace.over(tree));
    }

    /** Only faults on {@code paths} and the paths below them. */
    public FaultPlans targeting(String... paths) {
        Set<String> targets = new LinkedHashSet<>();
        for (String path : paths) {
            if (space.tree().node(path).isEmpty()) {
                throw new IllegalArgumentException("targeting(\"" + path + "\"): not a path of the tree (paths: "
                        + String.join(", ", space.tree().paths()) + ")");
            }
            targets.addAll(space.tree().under(path));
        }
        return new FaultPlans(spec, space.targets(new ArrayList<>(targets)));
    }

    /** Only faults of these kinds. */
    public FaultPlans kinds(FaultKind... kinds) {
        return new FaultPlans(spec, space.kinds(java.util.Set.of(kinds)));
    }

    /** At most {@code count} faults per plan (at least one). */
    public FaultPlans maxFaults(int count) {
        return new FaultPlans(spec, space.maxFaults(count));
    }

    /** Faults come within {@code horizon} after the tree started (whole milliseconds). */
    public FaultPlans horizon(Duration horizon) {
        return new FaultPlans(spec, space.horizon(horizon));
    }

    /**
     * User methods the tree's processes call, for {@link FaultKind#METHOD} faults woven in by the agent
     * (without any, no method fault is drawn).
     *
     * <pre>{@code FaultPlans.forTree(shop()).methods(MethodMatch.method(Catalog.class, "lookup"))}</pre>
     */
    public FaultPlans methods(MethodMatch... methods) {
        return new FaultPlans(spec, space.methods(List.of(methods)));
    }

    /** The tree the plans are for. */
    public SupervisorSpec tree() {
        return spec;
    }

    /** What the plans are drawn from. */
    public List<String> targets() {
        return space.targets();
    }

    @Override
    protected Arbitrary<FaultPlan> arbitrary() {
        PlanGenerator generator = new PlanGenerator(space);
        return Arbitraries.randomValue(random -> FaultPlan.of(generator.draw(random)));
    }

    @Override
    public String toString() {
        return "FaultPlans" + space.kinds().stream().sorted().toList() + " on " + space.targets() + ", at most " + space.maxFaults()
                + " within " + space.horizon().toMillis() + " ms";
    }
}
