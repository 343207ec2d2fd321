package dev.cascade.catalog;

import dev.cascade.agent.MethodMatch;
import dev.cascade.agent.UserCode;
import dev.cascade.chaos.ChaosTree;
import dev.cascade.chaos.FaultPlan;
import dev.cascade.scenario.Scenario;
import dev.cascade.simulation.SimulatedScheduler;
import dev.cascade.spec.ScenarioSpecs;
import dev.cascade.spec.TreeOutline;
import dev.cascade.supervisor.SupervisorSpec;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The tree a probe looks at: a scenario file's tree (its own faults are not used), or a Java team's
 * {@link SupervisorSpec} started as a {@code ChaosTree} with the root {@code root}. Either way a probe
 * sees its outline and runs it with the probe's faults on the simulated scheduler from a seed.
 */
sealed interface ProbeTree {

    /** The tree's shape: paths, strategies, intensities, restart types. */
    TreeOutline outline();

    /** The simulation seed every run of the probe uses. */
    long seed();

    /** The methods of the user's code the tree is instrumented for, so a probe can slow them (none for a file). */
    List<MethodMatch> userCode();

    /** Runs the tree with {@code faults} (times from when its root's start returned) for their span plus {@code settle}. */
    CatalogRun run(String name, List<FaultPlan.Timed> faults, Duration settle);

    /** A scenario file's tree. */
    record File(Scenario scenario, long seed) implements ProbeTree {
        /** Checks that it is not null. */
        public File {
            Objects.requireNonNull(scenario, "scenario");
        }

        public TreeOutline outline() {
            return ScenarioSpecs.outline(scenario);
        }

        public List<MethodMatch> userCode() {
            return List.of();
        }

        public CatalogRun run(String name, List<FaultPlan.Timed> faults, Duration settle) {
            return CatalogRun.of(new Scenario(name, scenario.tree(), faults, settle), SimulatedScheduler.withSeed(seed));
        }
    }

    /**
     * A Java team's tree: the spec their application starts, with its own (user) code for each child,
     * instrumented through the agent for {@code userCode} when it names any methods.
     */
    record Spec(SupervisorSpec spec, long seed, List<MethodMatch> userCode) implements ProbeTree {
        /** The root's path, as {@code ChaosTree} names it by default. */
        static final String ROOT = "root";

        /** Checks that it is not null. */
        public Spec {
            Objects.requireNonNull(spec, "spec");
            userCode = List.copyOf(userCode);
        }

        public TreeOutline outline() {
            return TreeOutline.of(ROOT, spec);
        }

        public CatalogRun run(String name, List<FaultPlan.Timed> faults, Duration settle) {
            FaultPlan.Builder plan = FaultPlan.builder();
            faults.forEach(timed -> plan.at(timed.at(), timed.fault()));
            FaultPlan built = plan.build();
            ChaosTree.Builder builder = ChaosTree.builder(spec).scheduler(SimulatedScheduler.withSeed(seed)).plan(built);
            if (!userCode.isEmpty()) {
                builder = builder.instrument(UserCode.methods(userCode.toArray(MethodMatch[]::new)));
            }
            try (ChaosTree tree = builder.start()) {
                tree.runFor(built.span().plus(settle));
                return CatalogRun.of(name, tree, spec);
            }
        }
    }
}
