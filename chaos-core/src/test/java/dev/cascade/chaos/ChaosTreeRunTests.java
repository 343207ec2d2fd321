package dev.cascade.chaos;

import dev.cascade.chaos.Worker.Journal;
import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.InitResult;
import dev.cascade.genserver.StartResult;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.simulation.SimulatedScheduler;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.SupervisorSpec;
import dev.cascade.trace.TraceEvent;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a whole run needs of a chaos tree: a plan from the start, a time to run until, the end of its faults, a root that fails. */
class ChaosTreeRunTests {
    private static final Duration MS = Duration.ofMillis(1);

    private final Journal journal = new Journal();

    /** A worker whose init fails: its supervisor's start fails, so a root over it does not start (OTP: shutdown). */
    static final class FailingInit implements GenServer<Object> {
        @Override
        public InitResult<Object> init(ProcessContext ctx) {
            return InitResult.stop(ExitReason.custom("no_db"));
        }
    }

    private SupervisorSpec twoWorkers() {
        return SupervisorSpec.oneForOne().withIntensity(5, Duration.ofSeconds(5))
                .withChild(ChildSpec.worker("a", () -> new Worker(journal)))
                .withChild(ChildSpec.worker("b", () -> new Worker(journal)));
    }

    private static ChaosTree.Builder simulated(SupervisorSpec spec) {
        return ChaosTree.builder(spec).scheduler(SimulatedScheduler.withSeed(7));
    }

    @Nested
    class A_plan_given_when_the_tree_is_built {

        @Test
        void fires_each_fault_at_its_time_after_the_root_started() {
            FaultPlan plan = FaultPlan.builder().at(MS.multipliedBy(100), Fault.kill("root/a"))
                    .at(MS.multipliedBy(300), Fault.kill("root/b")).build();
            try (ChaosTree tree = simulated(twoWorkers()).plan(plan).start()) {
                tree.runUntil(MS.multipliedBy(200));
                assertThat(tree.incarnations("root/a")).isEqualTo(2);
                assertThat(tree.incarnations("root/b")).isEqualTo(1);

                tree.runUntil(MS.multipliedBy(400));

                assertThat(tree.sinceStart()).isEqualTo(MS.multipliedBy(400));
                assertThat(tree.incarnations("root/b")).isEqualTo(2);
                assertThat(tree.ledger().fired()).extracting(entry -> entry.hits().getFirst().at())
                        .containsExactly(MS.multipliedBy(100), MS.multipliedBy(300));
            }
        }

        @Test
        void is_bound_to_the_tree_before_anything_starts() {
            assertThatThrownBy(() -> simulated(twoWorkers()).plan(FaultPlan.now(Fault.raise("root/nope", "boom"))))
                    .isInstanceOf(FaultPlanException.class)
                    .hasMessage("fault \"raise boom on root/nope\": the tree has no path root/nope (paths: root, root/a, root/b)");
        }

        @Test
        void skips_a_flood_whose_target_has_no_live_process_when_it_fires_instead_of_refusing_it() {
            SupervisorSpec spec = SupervisorSpec.oneForOne()
                    .withChild(ChildSpec.worker("a", () -> new Worker(journal)).withRestart(dev.cascade.supervisor.Restart.TEMPORARY));
            FaultPlan plan = FaultPlan.builder().at(MS.multipliedBy(10), Fault.kill("root/a"))
                    .at(MS.multipliedBy(20), Fault.flood("root/a", 3, FloodMessage.NUMBERED)).build();
            try (ChaosTree tree = simulated(spec).plan(plan).start()) {
                tree.runUntil(MS.multipliedBy(50));

                assertThat(tree.ledger().entry(2).status()).isEqualTo(LedgerEntry.Status.SKIPPED);
                assertThat(tree.ledger().entry(2).why()).contains("root/a");
            }
        }
    }

    @Nested
    class Ending_the_faults {

        @Test
        void marks_every_fault_that_never_happened_skipped_and_takes_no_more() {
            FaultPlan plan = FaultPlan.builder().at(MS.multipliedBy(10), Fault.kill("root/a"))
                    .at(MS.multipliedBy(500), Fault.kill("root/b")).build();
            try (ChaosTree tree = simulated(twoWorkers()).plan(plan).start()) {
                tree.runUntil(MS.multipliedBy(100));

                FaultLedger ledger = tree.endFaults();

                assertThat(ledger.entry(1).status()).isEqualTo(LedgerEntry.Status.FIRED);
                assertThat(ledger.entry(2).status()).isEqualTo(LedgerEntry.Status.SKIPPED);
                assertThat(ledger.entry(2).why()).isEqualTo("the run ended before it applied");
                assertThatThrownBy(() -> tree.inject(Fault.kill("root/a"))).isInstanceOf(IllegalStateException.class)
                        .hasMessage("this chaos tree's faults were ended (endFaults); no fault can be added");
                tree.runUntil(MS.multipliedBy(600));
                assertThat(tree.incarnations("root/b")).as("the skipped kill never fires").isEqualTo(1);
            }
        }
    }

    @Nested
    class A_root_that_fails_to_start {

        private SupervisorSpec failing() {
            return SupervisorSpec.oneForOne().withChild(ChildSpec.worker("a", () -> new Worker(journal)))
                    .withChild(ChildSpec.worker("db", FailingInit::new));
        }

        @Test
        void is_a_result_of_try_start_with_its_trace_and_every_fault_skipped() {
            try (ChaosTree tree = simulated(failing()).plan(FaultPlan.now(Fault.kill("root/a"))).tryStart()) {
                assertThat(tree.started()).isFalse();
                assertThat(tree.rootStart()).isInstanceOfSatisfying(StartResult.Failed.class,
                        failed -> assertThat(failed.reason().describe()).startsWith("shutdown"));
                assertThat(tree.trace().events(TraceEvent.StartFailed.class)).extracting(TraceEvent.StartFailed::path)
                        .containsExactly("root/db", "root");

                tree.runUntil(MS.multipliedBy(100));
                FaultLedger ledger = tree.endFaults();

                assertThat(ledger.entries()).singleElement().satisfies(entry -> {
                    assertThat(entry.status()).isEqualTo(LedgerEntry.Status.SKIPPED);
                    assertThat(entry.why()).isEqualTo("the tree did not start; no fault is applied");
                });
            }
        }

        @Test
        void is_an_exception_of_start_naming_the_reason() {
            assertThatThrownBy(() -> simulated(failing()).start()).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("the tree's root root did not start: ");
        }
    }
}
