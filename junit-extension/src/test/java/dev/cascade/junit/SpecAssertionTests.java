package dev.cascade.junit;

import dev.cascade.chaos.ChaosTree;
import dev.cascade.chaos.Fault;
import dev.cascade.junit.examples.shop.Cache;
import dev.cascade.runtime.Scheduler;
import dev.cascade.spec.CascadeRun;
import dev.cascade.spec.CascadeSpec;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.SupervisorSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import java.time.Duration;

import static dev.cascade.junit.CascadeAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

/** Specifications read as assertions: a run satisfies specs, and a verdict is a pass, a failure or inconclusive. */
class SpecAssertionTests {
    private static final SupervisorSpec APP = SupervisorSpec.oneForOne().withIntensity(1, Duration.ofSeconds(5))
            .withChild(ChildSpec.worker("cache", Cache::new))
            .withChild(ChildSpec.worker("api", Cache::new));

    private static CascadeRun runWith(Fault fault) {
        try (ChaosTree tree = ChaosTree.builder(APP).scheduler(Scheduler.simulated(7)).start()) {
            tree.inject(fault);
            tree.runFor(Duration.ofSeconds(1));
            return CascadeRun.of(tree, APP);
        }
    }

    @Test
    void a_one_for_one_crash_satisfies_isolation_of_the_sibling_and_the_root_survives() {
        CascadeRun run = runWith(Fault.kill("root/cache"));
        assertThat(run).satisfies(CascadeSpec.isolation("root/cache", "root/api"), CascadeSpec.rootSurvives());
        assertThat(CascadeSpec.rootSurvives().check(run)).isPass();
    }

    @Test
    void a_breach_fails_root_survives_with_the_verdict_and_the_seed_in_the_message() {
        CascadeRun run = runWith(Fault.breachIntensity("root/cache"));
        assertThat(CascadeSpec.rootSurvives().check(run)).isFail();
        assertThatThrownBy(() -> assertThat(run).satisfies(CascadeSpec.rootSurvives()))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Expecting the run to satisfy rootSurvives()\nbut:\n  FAIL rootSurvives(): ")
                .hasMessageContaining("seed=7");
        assertThatThrownBy(() -> assertThat(CascadeSpec.rootSurvives().check(run)).isPass())
                .hasMessageStartingWith("Expecting the verdict of rootSurvives() to pass\nbut it was:\n  FAIL rootSurvives(): ");
    }

    @Test
    void an_inconclusive_verdict_is_not_a_pass() {
        CascadeRun run = runWith(Fault.kill("root/cache"));
        var verdict = CascadeSpec.isolation("root/api", "root/cache").check(run); // no fault under root/api fired
        assertThat(verdict).isInconclusive();
        assertThatThrownBy(() -> assertThat(run).satisfies(CascadeSpec.isolation("root/api", "root/cache")))
                .hasMessageContaining("INCONCLUSIVE isolation(root/api, root/cache)");
    }

    @CascadeTest(seed = 7)
    static class Asserting {
        @Tree
        static SupervisorSpec app() {
            return APP;
        }

        @Test
        void checks_two_specs(@Tree("app") ChaosTree tree) {
            tree.inject(Fault.kill("root/cache"));
            tree.runFor(Duration.ofSeconds(1));
            CascadeRun run = CascadeRun.of(tree, APP);
            CascadeAssertions.assertThat(run).satisfies(CascadeSpec.rootSurvives());
            CascadeAssertions.assertThat(CascadeSpec.isolation("root/api", "root/cache").check(run)).isInconclusive();
        }
    }

    @Test
    void the_verdicts_a_cascade_test_asserted_on_go_into_its_result_record(@TempDir Path folder) {
        Kit kit = new Kit(folder);
        kit.run(Asserting.class).testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
        assertThat(kit.read("results/dev.cascade.junit.SpecAssertionTests$Asserting.checks_two_specs.json"))
                .contains("\"spec\": \"rootSurvives()\", \"verdict\": \"PASS\"",
                        "\"spec\": \"isolation(root/api, root/cache)\", \"verdict\": \"INCONCLUSIVE\"");
    }
}
