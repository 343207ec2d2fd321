package dev.cascade.conformance;

import dev.cascade.runtime.Node;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.RuntimeListener;
import dev.cascade.runtime.Scheduler;
import dev.cascade.runtime.Timeout;
import dev.cascade.simulation.SimulatedScheduler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The harness itself: the conformance tests really run on the scheduler the build asked for, and a real-clock wait is caught. */
@ExtendWith(TestScheduler.Verify.class)
class TestSchedulerTests {

    @Test
    void the_scheduler_is_the_one_the_system_property_names() {
        try (Scheduler scheduler = TestScheduler.create()) {
            if (TestScheduler.simulated()) {
                assertThat(scheduler).isInstanceOfSatisfying(SimulatedScheduler.class,
                        sim -> assertThat(sim.seed()).isEqualTo(TestScheduler.seed()));
            } else {
                assertThat(scheduler).isNotInstanceOf(SimulatedScheduler.class);
            }
        }
    }

    @Test
    void an_unknown_scheduler_name_is_rejected_with_the_values_that_work() {
        assertThat(TestScheduler.simulated("Simulated ")).isTrue();
        assertThat(TestScheduler.simulated("real")).isFalse();
        assertThatThrownBy(() -> TestScheduler.simulated("virtual"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("-Dcascade.test.scheduler=virtual is not a scheduler the tests know; use real or simulated");
    }

    @Test
    void a_process_that_waits_on_the_real_clock_makes_the_simulated_run_fail_as_not_reproducible() throws Exception {
        try (Node node = Node.start(TestScheduler.create(), RuntimeListener.NONE)) {
            // A timed JDK wait runs on the real clock. (Long enough to be sure it parks: one that is over
            // before the thread parks leaves the simulation nothing to see.)
            node.run(ctx -> new CountDownLatch(1).await(100, TimeUnit.MILLISECONDS));
        }
        if (TestScheduler.simulated()) {
            assertThatThrownBy(() -> TestScheduler.checkReproducible("this test"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("the simulated run of this test was not reproducible")
                    .hasMessageContaining("seed " + TestScheduler.seed() + ", ");
        }
        TestScheduler.checkReproducible("this test"); // nothing left to check: the extension's own check passes
    }

    @Test
    void eventually_waits_in_virtual_time_under_simulation() {
        try (Node node = Node.start(TestScheduler.create(), RuntimeListener.NONE)) {
            node.run(ctx -> {
                long start = ctx.nanoTime();
                Pid test = ctx.self();
                ctx.spawn(c -> {
                    c.sleep(Duration.ofMillis(30));
                    c.send(test, "done");
                });
                TestScheduler.eventually(ctx, "the helper's message", () -> ctx.receive(Timeout.ofMillis(0)).isPresent());
                if (TestScheduler.simulated()) {
                    assertThat(Duration.ofNanos(ctx.nanoTime() - start)).as("virtual time waited").isEqualTo(Duration.ofMillis(30));
                }
                return null;
            });
        }
    }
}
