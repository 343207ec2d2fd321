package dev.cascade.chaos;

import dev.cascade.chaos.Worker.Journal;
import dev.cascade.runtime.Scheduler;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.Restart;
import dev.cascade.supervisor.SupervisorSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link ChaosTree#runUntil}: virtual time runs instant by instant until a condition holds, or fails at once when nothing more can happen. */
class RunUntilTests {
    private final Journal journal = new Journal();

    private SupervisorSpec spec() {
        return SupervisorSpec.oneForOne().withIntensity(10, Duration.ofSeconds(5))
                .withChild(ChildSpec.worker("cache", () -> new Worker(journal)))
                .withChild(ChildSpec.worker("once", () -> new Worker(journal)).withRestart(Restart.TEMPORARY));
    }

    @Test
    void stops_at_the_first_instant_the_condition_holds_and_returns_the_virtual_time_it_took() {
        try (ChaosTree tree = ChaosTree.builder(spec()).scheduler(Scheduler.simulated(3)).start()) {
            tree.apply(FaultPlan.builder()
                    .at(Duration.ofMillis(200), Fault.kill("root/cache"))
                    .at(Duration.ofMillis(700), Fault.kill("root/cache"))
                    .build());

            Duration took = tree.runUntil("root/cache restarted once", t -> t.incarnations("root/cache") == 2, Duration.ofSeconds(5));

            assertThat(took).isEqualTo(Duration.ofMillis(200));
            assertThat(tree.sinceStart()).isEqualTo(Duration.ofMillis(200));
            assertThat(tree.ledger().entry(2).status()).isEqualTo(LedgerEntry.Status.PENDING);
        }
    }

    @Test
    void fails_at_once_when_the_tree_is_quiet_naming_the_condition_the_seed_and_the_last_events() {
        try (ChaosTree tree = ChaosTree.builder(spec()).scheduler(Scheduler.simulated(11)).start()) {
            tree.inject(Fault.kill("root/once"));

            assertThatThrownBy(() -> tree.runUntil("root/once running again", t -> t.whereis("root/once").isPresent(),
                    Duration.ofSeconds(30)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith("Expecting root/once running again within 30000 ms of virtual time\n"
                            + "but the tree went quiet at 0 ms with it still false (nothing can run and no timer is due before 30000 ms); seed=11\n"
                            + "last events:")
                    .hasMessageContaining("root/once#1 exited killed");
            assertThat(tree.sinceStart()).isEqualTo(Duration.ZERO);
        }
    }

    @Test
    void is_refused_on_the_real_scheduler_pointing_at_awaitility() {
        try (ChaosTree tree = ChaosTree.builder(spec()).scheduler(Scheduler.real()).start()) {
            assertThatThrownBy(() -> tree.runUntil("anything", t -> true, Duration.ofSeconds(1)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("needs a simulated tree").hasMessageContaining("Awaitility");
        }
    }
}
