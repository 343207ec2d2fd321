package dev.cascade.chaos;

import dev.cascade.chaos.Worker.Journal;
import dev.cascade.simulation.RunBudgetExceededException;
import dev.cascade.simulation.SimulatedScheduler;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.SupervisorSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** An intensity breach counts its failures in a long: intensity + 1 never overflows into "nothing to do". */
class BreachCountTests {
    @Test
    void a_breach_at_an_intensity_of_integer_max_value_kills_the_live_child_rather_than_reporting_no_live_process() {
        SupervisorSpec spec = SupervisorSpec.oneForOne().withIntensity(Integer.MAX_VALUE, Duration.ofSeconds(5))
                .withChild(ChildSpec.worker("a", () -> new Worker(new Journal())));
        ChaosTree tree = ChaosTree.builder(spec).scheduler(SimulatedScheduler.builder().seed(0).maxSteps(5_000).build()).start();

        // 2^31 failures at one instant: more than any budget allows, so the run stops at its step budget
        RunBudgetExceededException stopped = catchThrowableOfType(RunBudgetExceededException.class,
                () -> tree.inject(Fault.breachIntensity("root/a")));
        if (stopped == null) {
            stopped = catchThrowableOfType(RunBudgetExceededException.class, () -> tree.runFor(Duration.ofMillis(1)));
        }

        assertThat(stopped).as("stopped at the step budget").isNotNull();
        assertThat(stopped.budget()).isEqualTo(RunBudgetExceededException.Budget.STEPS);
        LedgerEntry breach = tree.ledger().entry(1);
        assertThat(breach.status()).isEqualTo(LedgerEntry.Status.FIRED);
        assertThat(breach.hits()).isNotEmpty().first().satisfies(hit ->
                assertThat(hit.detail()).startsWith("failure 1 of 2147483648 (intensity 2147483647"));
    }
}
