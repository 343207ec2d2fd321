package dev.cascade.junit;

import dev.cascade.junit.property.FailureFiles;
import dev.cascade.junit.property.TryStatistics;
import dev.cascade.spec.CascadeRun;
import dev.cascade.spec.CascadeSpec;
import dev.cascade.scenario.Scenario;
import dev.cascade.spec.PlanFile;
import dev.cascade.spec.ScenarioSpecs;
import dev.cascade.spec.Shrinker;
import dev.cascade.spec.Trial;
import dev.cascade.spec.TreeOutline;
import dev.cascade.spec.Verdict;
import dev.cascade.supervisor.SupervisorSpec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Checks specs on one drawn plan: the one line of a cascade property.
 *
 * <pre>{@code
 * @Property(tries = 2000)
 * void gatewayFaultsNeverTouchLedger(@ForAll("gatewayFaults") FaultPlan plan) {
 *     Cascade.check(payments(), plan, CascadeSpec.isolation("root/gateway", "root/ledger"));
 *     Cascade.mustReach("a supervisor gave up");      // fail the property if no try got that far
 * }
 * }</pre>
 *
 * <p>Each check starts the tree on a fresh simulated scheduler with the plan's seed, applies the
 * plan, lets the tree settle (5 s of virtual time after the last fault by default), and checks every
 * spec on the run. A failure is shrunk here, before the assertion is thrown — fewer faults,
 * earlier, nearer the leaves, simpler, seed 0; at most 10 s by default — so the error shows the
 * smallest plan that still fails, its verdict and cascade, and where its plan file was written
 * ({@code target/cascade/failures/<property>-<hash>.json}). Inconclusive verdicts do not fail a
 * try; they are counted in the statistics ({@code cascade verdicts}).
 *
 * <p>Limitations: a tree whose spec is not a {@code SupervisorSpec} rooted at {@code root} cannot be
 * checked; the plan file holds the faults, seed and specs, not the tree (Java trees cannot be
 * written as scenario trees).
 */
public final class Cascade {
    private static final Options DEFAULTS = new Options(Duration.ofSeconds(5), Duration.ofSeconds(10), FailureFiles.DEFAULT);

    private Cascade() {}

    /**
     * Runs {@code plan} on {@code tree} and checks {@code specs}.
     *
     * @throws AssertionError with the shrunk plan's verdict when a spec fails
     */
    public static void check(SupervisorSpec tree, FaultPlan plan, CascadeSpec... specs) {
        DEFAULTS.check(tree, plan, specs);
    }

    /**
     * Runs {@code plan} on a scenario's tree and checks {@code specs}; a failure's file is then a
     * complete scenario ({@code cascade run} replays it to the same verdict) when its shrunk seed is 0
     * and every fault has a file spelling, else a plan file.
     *
     * <pre>{@code Cascade.check(ScenarioReader.read(Path.of("cache-crash.json")), plan, CascadeSpec.rootSurvives());}</pre>
     *
     * @throws AssertionError with the shrunk plan's verdict when a spec fails
     */
    public static void check(Scenario scenario, FaultPlan plan, CascadeSpec... specs) {
        DEFAULTS.check(scenario, plan, specs);
    }

    /** The defaults, to change: {@code Cascade.options().settle(Duration.ofSeconds(30)).check(…)}. */
    public static Options options() {
        return DEFAULTS;
    }

    /**
     * Fails the property (after its last try) unless some try reached {@code cases}: a fault kind
     * ({@code breach}, {@code slow_start}, …), {@code fired}/{@code skipped}, {@code a supervisor
     * gave up}, or a verdict ({@code pass}, {@code fail}, {@code inconclusive}). Call it in the
     * property method, after {@link #check}.
     */
    public static void mustReach(String... cases) {
        for (String value : cases) {
            TryStatistics.require(TryStatistics.labelOf(value), value);
        }
    }

    /**
     * How checks run: how long the tree settles after the last fault, the shrinking budget, where
     * plan files of failures go.
     */
    public record Options(Duration settle, Duration shrinkBudget, Path failures) {
        public Options {
            Objects.requireNonNull(settle, "settle");
            Objects.requireNonNull(shrinkBudget, "shrinkBudget");
            Objects.requireNonNull(failures, "failures");
        }

        public Options settle(Duration settle) {
            return new Options(settle, shrinkBudget, failures);
        }

        public Options shrinkBudget(Duration budget) {
            return new Options(settle, budget, failures);
        }

        public Options failures(Path folder) {
            return new Options(settle, shrinkBudget, folder);
        }

        /** {@link Cascade#check(SupervisorSpec, FaultPlan, CascadeSpec...)} with these options. */
        public void check(SupervisorSpec tree, FaultPlan plan, CascadeSpec... specs) {
            Objects.requireNonNull(tree, "tree");
            check("root", tree, null, plan, specs);
        }

        /** {@link Cascade#check(Scenario, FaultPlan, CascadeSpec...)} with these options. */
        public void check(Scenario scenario, FaultPlan plan, CascadeSpec... specs) {
            Objects.requireNonNull(scenario, "scenario");
            check(scenario.tree().id(), ScenarioSpecs.supervisorSpec(scenario), scenario, plan, specs);
        }

        private void check(String root, SupervisorSpec tree, Scenario base, FaultPlan plan, CascadeSpec... specs) {
            Objects.requireNonNull(plan, "plan");
            if (specs.length == 0) {
                throw new IllegalArgumentException("Cascade.check needs at least one spec, e.g. CascadeSpec.rootSurvives()");
            }
            CascadeSpec all = specs.length == 1 ? specs[0] : CascadeSpec.allOf(specs);
            CascadeRun run = plan.trial().run(root, tree, settle);
            Verdict verdict = all.check(run);
            TryStatistics.collect(plan.faults(), run, verdict);
            if (verdict instanceof Verdict.Fail) {
                String property = FailureFiles.caller(Cascade.class, Options.class);
                throw failure(property, root, tree, base, plan, all, Arrays.asList(specs));
            }
        }

        private AssertionError failure(String property, String root, SupervisorSpec tree, Scenario base, FaultPlan plan,
                                       CascadeSpec all, List<CascadeSpec> specs) {
            Shrinker.Result shrunk = Shrinker.over(TreeOutline.of(root, tree)).budget(shrinkBudget)
                    .shrink(plan.trial(), trial -> all.check(trial.run(root, tree, settle)).failed());
            Trial smallest = shrunk.trial();
            Verdict verdict = all.check(smallest.run(root, tree, settle));
            PlanFile file = new PlanFile(PlanFile.nameFor(property, smallest), smallest, settle,
                    specs.stream().map(CascadeSpec::name).toList(), shrunk.summary() + " from " + plan.faults().faults().size());
            FailureFiles.Written written = base != null && smallest.seed() == 0
                    ? FailureFiles.writeScenario(failures, base, file)
                    : FailureFiles.write(failures, file);
            return new AssertionError(verdict.text()
                    + "\nsmallest failing plan (" + shrunk.summary() + "):\n  " + smallest.toString().replace("\n", "\n  ")
                    + "\noriginal plan:\n  " + plan.trial().toString().replace("\n", "\n  ")
                    + "\n" + written.text());
        }
    }
}
