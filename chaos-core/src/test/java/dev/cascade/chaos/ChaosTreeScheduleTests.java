package dev.cascade.chaos;

import dev.cascade.conformance.TestScheduler;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.Restart;
import dev.cascade.supervisor.SupervisorSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code ChaosTree.schedule} plans faults as a builder's plan is, bound to the tree's paths only: a
 * flood whose target has no live process is skipped when it fires, where {@code apply} refuses it at
 * once. A path the tree never had is refused by both.
 */
@ExtendWith(TestScheduler.Verify.class)
class ChaosTreeScheduleTests {
    static final SupervisorSpec SPEC = SupervisorSpec.oneForOne()
            .withChild(ChildSpec.worker("audit", Account::new).withRestart(Restart.TEMPORARY));

    @Test
    void a_flood_scheduled_on_a_dead_path_is_skipped_when_it_fires_where_apply_refuses_it() {
        try (ChaosTree tree = Trees.start(SPEC)) {
            tree.inject(Fault.kill("root/audit")); // temporary: not restarted
            tree.runFor(Duration.ofMillis(10));
            FaultPlan flood = FaultPlan.now(Fault.flood("root/audit", 5, FloodMessage.NUMBERED));

            assertThatThrownBy(() -> tree.apply(flood)).isInstanceOf(FaultPlanException.class)
                    .hasMessageContaining("root/audit has no live process now");
            tree.schedule(flood);
            tree.runFor(Duration.ofMillis(10));

            assertThat(tree.ledger().entries().getLast().status()).isEqualTo(LedgerEntry.Status.SKIPPED);
            assertThat(tree.ledger().entries().getLast().why()).contains("no live process at root/audit");
        }
    }

    @Test
    void a_path_the_tree_never_had_is_refused_by_schedule_too() {
        try (ChaosTree tree = Trees.start(SPEC)) {
            assertThatThrownBy(() -> tree.schedule(FaultPlan.now(Fault.kill("root/audi"))))
                    .isInstanceOf(FaultPlanException.class).hasMessageContaining("the tree has no path root/audi");
        }
    }
}
