package dev.cascade.junit;

import dev.cascade.chaos.ChaosTree;
import dev.cascade.chaos.Fault;
import dev.cascade.chaos.FaultPlan;
import dev.cascade.genserver.CallResult;
import dev.cascade.genserver.From;
import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.InitResult;
import dev.cascade.junit.examples.shop.Ledger;
import dev.cascade.runtime.Timeout;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.SupervisorSpec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The checks after each test: planned faults that never fired, and simulations that were not reproducible. */
class CheckTests {
    @TempDir
    Path folder;

    @Tree
    static final SupervisorSpec LEDGER = SupervisorSpec.oneForOne().withChild(ChildSpec.worker("ledger", Ledger::new));

    static void planTooLate(ChaosTree tree) {
        tree.apply(FaultPlan.builder()
                .at(Duration.ofMillis(100), Fault.kill("root/ledger"))
                .at(Duration.ofSeconds(10), Fault.raise("root/ledger", "late"))
                .build());
        tree.runFor(Duration.ofSeconds(1));
    }

    @CascadeTest(seed = 3)
    static class Unfired {
        @Test
        void late(@Tree("LEDGER") ChaosTree tree) {
            planTooLate(tree);
        }
    }

    @CascadeTest(seed = 3, unfiredFaults = CascadeTest.UnfiredFaults.WARN)
    static class UnfiredWarned {
        @Test
        void late(@Tree("LEDGER") ChaosTree tree) {
            planTooLate(tree);
        }
    }

    @CascadeTest(seed = 3)
    static class UnfiredOptional {
        @Test
        void late(@Tree("LEDGER") ChaosTree tree) {
            tree.apply(FaultPlan.builder().at(Duration.ofSeconds(10), Fault.raise("root/ledger", "late").optional()).build());
            tree.runFor(Duration.ofSeconds(1));
        }
    }

    @Nested
    class Unfired_faults {
        @Test
        void fail_the_test_with_the_ledger_marking_the_faults_that_did_not_fire() {
            EngineExecutionResults results = new Kit(folder).run(Unfired.class);
            assertThat(Kit.message(results)).startsWith("""
                    1 planned fault never fired, so the test did not break what it meant to (unfiredFaults = FAIL; mark a fault that \
                    may not fire with Fault#optional(), or set @CascadeTest(unfiredFaults = WARN)):
                    in tree LEDGER, the ledger:
                        #1 at 100 ms kill root/ledger: fired [at 100 ms root/ledger#1: killed]
                      ✗ #2 at 10000 ms raise late on root/ledger: skipped (the run ended before it applied)

                    seed=3 (from @CascadeTest(seed)), simulated
                    replay: mvn test -Dtest='CheckTests$Unfired#late' -Dcascade.seed=3""");
        }

        @Test
        void only_warn_with_WARN_publishing_the_ledger_as_a_report_entry() {
            EngineExecutionResults results = new Kit(folder).run(UnfiredWarned.class);
            results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
            assertThat(Kit.reportEntries(results, "cascade.warning")).singleElement().asString()
                    .startsWith("1 planned fault never fired").contains("✗ #2 at 10000 ms raise late on root/ledger");
        }

        @Test
        void can_be_switched_off_for_a_whole_run_with_the_configuration_parameter() {
            EngineExecutionResults results = new Kit(folder).with("cascade.unfiredFaults", "ignore").run(Unfired.class);
            results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
            assertThat(Kit.reportEntries(results, "cascade.warning")).isEmpty();
        }

        @Test
        void pass_when_the_fault_is_marked_optional() {
            Kit kit = new Kit(folder);
            new Kit(folder).run(UnfiredOptional.class).testEvents().assertStatistics(stats -> stats.succeeded(1));
            assertThat(kit.read("results/dev.cascade.junit.CheckTests$UnfiredOptional.late.json"))
                    .contains("\"status\": \"skipped\"", "\"optional\": true", "{ \"check\": \"unfired_faults\", \"result\": \"pass\", \"detail\": \"\" }");
        }
    }

    /** A handler that waits with a timed JDK wait: on a simulation it runs on the real clock. */
    static final class Sleeper implements GenServer<Integer> {
        @Override
        public InitResult<Integer> init(dev.cascade.runtime.ProcessContext ctx) {
            return InitResult.ok(0);
        }

        @Override
        public CallResult<Integer> handleCall(Object request, From from, Integer n) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            return CallResult.reply(n, n);
        }
    }

    @CascadeTest(seed = 8)
    static class NotReproducible {
        @Tree
        static SupervisorSpec sleepy() {
            return SupervisorSpec.oneForOne().withChild(ChildSpec.worker("sleeper", Sleeper::new));
        }

        @Test
        void sleeps(@Tree("sleepy") ChaosTree tree) {
            tree.node().run(ctx -> GenServer.call(ctx, tree.whereis("root/sleeper").orElseThrow(), "nap"));
        }
    }

    @CascadeTest(seed = 8)
    static class NotReproducibleAndFailing {
        @Test
        void sleeps_then_fails(@Tree("sleepy") ChaosTree tree) {
            // no call timeout to race the real-clock sleep: the test fails with its own assertion only
            tree.node().run(ctx -> GenServer.call(ctx, tree.whereis("root/sleeper").orElseThrow(), "nap", Timeout.INFINITY));
            throw new AssertionError("the balance is wrong");
        }

        @Tree
        static SupervisorSpec sleepy() {
            return NotReproducible.sleepy();
        }
    }

    @Test
    void a_failing_test_whose_simulation_was_not_reproducible_leads_with_that_once_then_its_own_failure() {
        EngineExecutionResults results = new Kit(folder).run(NotReproducibleAndFailing.class);
        Throwable failure = Kit.failures(results).getFirst();
        assertThat(failure.getMessage()).startsWith("the simulation was not reproducible: seed 8 will not replay this run, because")
                .contains("Thread.sleep", "and the test failed (perhaps because of it): ", "the balance is wrong",
                        "replay: mvn test -Dtest='CheckTests$NotReproducibleAndFailing#sleeps_then_fails' -Dcascade.seed=8");
        assertThat(failure.getCause()).hasMessageContaining("the balance is wrong");
        assertThat(failure.getSuppressed()).noneMatch(s -> String.valueOf(s.getMessage()).contains("not reproducible"));
    }

    @Test
    void a_simulation_that_was_not_reproducible_fails_naming_the_cause_and_what_to_use_instead() {
        String message = Kit.message(new Kit(folder).run(NotReproducible.class));
        assertThat(message).startsWith("the simulation was not reproducible: seed 8 will not replay this run, because\n  not reproducible: ")
                .contains("a timed JDK wait runs on the real clock", "Thread.sleep",
                        "instead: ctx.sleep, ctx.receive(..., timeout) or a call timeout, which run on the simulation's clock",
                        "replay: mvn test -Dtest='CheckTests$NotReproducible#sleeps' -Dcascade.seed=8");
    }
}
