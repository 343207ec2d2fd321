package dev.cascade.spec;

import dev.cascade.chaos.Fault;
import dev.cascade.chaos.FaultPlan;
import dev.cascade.supervisor.SupervisorSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** The shrinker finds the smallest plan that still breaks a planted bug, and says when its budget ran out. */
class ShrinkerTests {
    private static final Duration SETTLE = Duration.ofSeconds(3);

    private static Predicate<Trial> failing(SupervisorSpec tree, CascadeSpec spec) {
        return trial -> spec.check(trial.run(tree, SETTLE)).failed();
    }

    /** Eight crashes of the gateway's workers at random times within 1 s, from a seeded source. */
    private static Trial eightCrashes(long seed) {
        Random random = new Random(seed);
        FaultPlan.Builder plan = FaultPlan.builder();
        List<String> workers = List.of("root/gateway/auth", "root/gateway/session");
        for (int i = 0; i < 8; i++) {
            plan.at(Duration.ofMillis(random.nextInt(1000)), Fault.raise(workers.get(random.nextInt(2)), "crash" + i));
        }
        return new Trial(plan.build(), random.nextInt(1000));
    }

    @Test
    void shrinks_an_eight_fault_isolation_failure_to_the_two_crashes_that_escalate_past_the_gateways_intensity() {
        SupervisorSpec tree = Planted.payments();
        Predicate<Trial> fails = failing(tree, CascadeSpec.isolation("root/gateway", "root/ledger"));
        for (long seed = 1; seed <= 5; seed++) {
            Trial original = eightCrashes(seed);
            assertThat(fails).as("the 8-crash plan of seed %d breaks isolation", seed).accepts(original);

            Shrinker.Result shrunk = Shrinker.over(TreeOutline.of("root", tree)).shrink(original, fails);

            assertThat(shrunk.exhausted()).isFalse();
            assertThat(shrunk.trial().seed()).isZero();
            List<FaultPlan.Timed> faults = shrunk.trial().plan().faults();
            assertThat(faults).hasSize(2);
            assertThat(faults.getFirst().at()).isZero();
            assertThat(faults).allSatisfy(timed -> assertThat(timed.fault()).isInstanceOf(Fault.Raise.class));
            // exactly those two: each alone keeps isolation
            for (FaultPlan.Timed alone : faults) {
                assertThat(fails).rejects(new Trial(FaultPlan.builder().at(alone.at(), alone.fault()).build(), 0));
            }
        }
    }

    @Test
    void shrinks_a_bounded_recovery_breach_to_a_crash_and_the_slow_restart_it_needs() {
        SupervisorSpec tree = Planted.shop();
        Predicate<Trial> fails = failing(tree, CascadeSpec.boundedRecovery("root", Duration.ofSeconds(1)));
        Trial original = new Trial(FaultPlan.builder()
                .at(Duration.ofMillis(50), Fault.raise("root/cache", "boom"))
                .at(Duration.ofMillis(80), Fault.slowStart("root/api", Duration.ofSeconds(4), 2, 3))
                .at(Duration.ofMillis(120), Fault.slowHandling("root/db", Duration.ofMillis(300)))
                .at(Duration.ofMillis(200), Fault.kill("root/db"))
                .at(Duration.ofMillis(300), Fault.raise("root/api", "boom"))
                .at(Duration.ofMillis(400), Fault.kill("root/cache"))
                .at(Duration.ofMillis(500), Fault.raise("root/db", "again"))
                .at(Duration.ofMillis(600), Fault.raise("root/cache", "again"))
                .build(), 77);
        assertThat(fails).accepts(original);

        Shrinker.Result shrunk = Shrinker.over(TreeOutline.of("root", tree)).shrink(original, fails);

        assertThat(shrunk.trial().plan()).isEqualTo(FaultPlan.builder()
                .at(Duration.ZERO, Fault.slowStart("root/api", Duration.ofSeconds(2), 2))
                .at(Duration.ZERO, Fault.raise("root/api", "boom"))
                .build());
        assertThat(shrunk.trial().seed()).isZero();
    }

    @Test
    void says_when_the_budget_ran_out_before_a_minimum() {
        SupervisorSpec tree = Planted.payments();
        Predicate<Trial> fails = failing(tree, CascadeSpec.isolation("root/gateway", "root/ledger"));

        Shrinker.Result shrunk = Shrinker.over(TreeOutline.of("root", tree)).maxRuns(3).shrink(eightCrashes(1), fails);

        assertThat(shrunk.exhausted()).isTrue();
        assertThat(shrunk.runs()).isEqualTo(3);
        assertThat(fails).accepts(shrunk.trial());
        assertThat(shrunk.summary()).contains("the shrinking budget ran out before a minimum was reached, a smaller plan may still fail");
    }

    @Test
    void makes_a_faults_kind_simpler_and_its_seed_zero_when_the_failure_stays() {
        SupervisorSpec tree = Planted.shop();
        Predicate<Trial> fails = failing(tree, CascadeSpec.maxRestarts("root/api", 0));
        Trial original = new Trial(FaultPlan.now(Fault.exitSignal("root/api", dev.cascade.runtime.ExitReason.custom("bye"))), 9);

        Shrinker.Result shrunk = Shrinker.over(TreeOutline.of("root", tree)).shrink(original, fails);

        assertThat(shrunk.trial()).isEqualTo(new Trial(FaultPlan.now(Fault.raise("root/api", "boom")), 0));
    }

    @Test
    void aims_a_supervisors_fault_at_its_children_when_a_leaf_fault_still_fails() {
        SupervisorSpec tree = Planted.payments();
        Predicate<Trial> fails = failing(tree, CascadeSpec.maxRestarts("root/gateway/session", 0));

        Shrinker.Result shrunk = Shrinker.over(TreeOutline.of("root", tree))
                .shrink(new Trial(FaultPlan.now(Fault.kill("root/gateway")), 0), fails);

        assertThat(shrunk.trial()).isEqualTo(new Trial(FaultPlan.now(Fault.raise("root/gateway/session", "boom")), 0));
    }
}
