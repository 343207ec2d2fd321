package dev.cascade.agent.internal;

import dev.cascade.runtime.Node;
import dev.cascade.runtime.ProcessFunction;
import dev.cascade.runtime.RuntimeListener;
import dev.cascade.runtime.Scheduler;
import dev.cascade.simulation.SimulatedScheduler;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** VirtualClock called directly: virtual on a simulated process, the JDK's clock anywhere else, with the JDK's argument checks. */
class VirtualClockTests {
    private static final long SEED = 11;

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted(); // a failed test must not leave the test thread interrupted
    }

    private static <T> T onSimulatedProcess(ProcessFunction<T> body) {
        try (Node node = Node.start(Scheduler.simulated(SEED), RuntimeListener.NONE)) {
            T result = node.run(body);
            SimulatedScheduler sim = (SimulatedScheduler) node.scheduler();
            assertThat(sim.report().reproducible()).as(sim.report().summary()).isTrue();
            return result;
        }
    }

    /** What {@code call} threw, as type and message, for comparing with the JDK. */
    private static String thrown(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        return thrown == null ? "nothing" : thrown.getClass().getName() + ": " + thrown.getMessage();
    }

    @Test
    void onASimulatedProcessTheClockIsVirtualAndStartsAtTheEpoch() {
        long[] seen = onSimulatedProcess(ctx -> {
            long start = ctx.nanoTime();
            long nanos = VirtualClock.nanoTime();
            long millis = VirtualClock.currentTimeMillis();
            VirtualClock.sleep(250);
            return new long[] {start, nanos, millis, VirtualClock.nanoTime(), VirtualClock.currentTimeMillis()};
        });
        long epoch = VirtualClock.EPOCH.toEpochMilli();
        assertThat(seen[1]).isEqualTo(seen[0]);
        assertThat(seen[2]).isEqualTo(epoch + TimeUnit.NANOSECONDS.toMillis(seen[0]));
        assertThat(seen[3] - seen[1]).isEqualTo(TimeUnit.MILLISECONDS.toNanos(250));
        assertThat(seen[4] - seen[2]).isEqualTo(250);
    }

    @Test
    void theVirtualEpochIsTheFirstOf2026() {
        assertThat(VirtualClock.EPOCH).hasToString("2026-01-01T00:00:00Z");
    }

    @Test
    void everySleepFormOnASimulatedProcessAdvancesVirtualTimeByExactlyItsLength() {
        long[] advanced = onSimulatedProcess(ctx -> {
            long t0 = ctx.nanoTime();
            VirtualClock.sleep(3, 250_000);
            long t1 = ctx.nanoTime();
            VirtualClock.sleep(Duration.ofSeconds(2));
            long t2 = ctx.nanoTime();
            VirtualClock.sleep(0);
            VirtualClock.sleep(0, 0);
            VirtualClock.sleep(Duration.ZERO);
            VirtualClock.sleep(Duration.ofMillis(-1));
            return new long[] {t1 - t0, t2 - t1, ctx.nanoTime() - t2};
        });
        assertThat(advanced).containsExactly(3_250_000L, TimeUnit.SECONDS.toNanos(2), 0L);
    }

    @Test
    void onARealSchedulerProcessTheClockAndSleepAreReal() {
        try (Node node = Node.start(Scheduler.real(), RuntimeListener.NONE)) {
            long[] seen = node.run(ctx -> {
                long before = System.nanoTime();
                long beforeMillis = System.currentTimeMillis();
                long nanos = VirtualClock.nanoTime();
                long millis = VirtualClock.currentTimeMillis();
                VirtualClock.sleep(20);
                return new long[] {before, nanos, System.nanoTime(), beforeMillis, millis, System.currentTimeMillis()};
            });
            assertThat(seen[1]).isBetween(seen[0], seen[2]);
            assertThat(seen[4]).isBetween(seen[3], seen[5]);
            assertThat(seen[2] - seen[0]).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    @Test
    void onTheTestThreadTheClockAndSleepAreReal() throws InterruptedException {
        long before = System.nanoTime();
        long beforeMillis = System.currentTimeMillis();
        long nanos = VirtualClock.nanoTime();
        long millis = VirtualClock.currentTimeMillis();
        VirtualClock.sleep(Duration.ofMillis(20));
        long after = System.nanoTime();
        assertThat(nanos).isBetween(before, after);
        assertThat(millis).isBetween(beforeMillis, System.currentTimeMillis());
        assertThat(after - before).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(20));
    }

    @Test
    void aNegativeOrOutOfRangeSleepIsRefusedOffAProcessExactlyAsTheJdkRefusesIt() {
        assertThat(thrown(() -> VirtualClock.sleep(-1))).isEqualTo(thrown(() -> Thread.sleep(-1)))
                .startsWith(IllegalArgumentException.class.getName());
        assertThat(thrown(() -> VirtualClock.sleep(-1, 0))).isEqualTo(thrown(() -> Thread.sleep(-1, 0)));
        assertThat(thrown(() -> VirtualClock.sleep(0, 1_000_000))).isEqualTo(thrown(() -> Thread.sleep(0, 1_000_000)))
                .startsWith(IllegalArgumentException.class.getName());
        assertThat(thrown(() -> VirtualClock.sleep(0, -1))).isEqualTo(thrown(() -> Thread.sleep(0, -1)));
    }

    @Test
    void aNegativeOrOutOfRangeSleepIsRefusedOnASimulatedProcessAsTheJdkRefusesItWithoutAdvancingTime() {
        String[] jdk = {thrown(() -> Thread.sleep(-1)), thrown(() -> Thread.sleep(-1, 0)), thrown(() -> Thread.sleep(0, 1_000_000)),
                thrown(() -> Thread.sleep(0, -1))};
        Object[] seen = onSimulatedProcess(ctx -> {
            long start = ctx.nanoTime();
            String[] virtual = {thrown(() -> VirtualClock.sleep(-1)), thrown(() -> VirtualClock.sleep(-1, 0)),
                    thrown(() -> VirtualClock.sleep(0, 1_000_000)), thrown(() -> VirtualClock.sleep(0, -1))};
            return new Object[] {virtual, ctx.nanoTime() - start};
        });
        assertThat((String[]) seen[0]).containsExactly(jdk);
        assertThat(seen[1]).isEqualTo(0L);
    }

    @Test
    void anInterruptedThreadsSleepThrowsAndClearsTheInterruptOffAProcess() {
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> VirtualClock.sleep(10_000)).isInstanceOf(InterruptedException.class);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void anInterruptedProcessesSleepThrowsClearsTheInterruptAndDoesNotAdvanceVirtualTime() {
        Object[] seen = onSimulatedProcess(ctx -> {
            long start = ctx.nanoTime();
            String[] outcomes = new String[3];
            Thread.currentThread().interrupt();
            outcomes[0] = thrown(() -> VirtualClock.sleep(10_000));
            Thread.currentThread().interrupt();
            outcomes[1] = thrown(() -> VirtualClock.sleep(Duration.ofMillis(5)));
            Thread.currentThread().interrupt();
            outcomes[2] = thrown(() -> VirtualClock.sleep(0));
            return new Object[] {outcomes, ctx.nanoTime() - start, Thread.currentThread().isInterrupted()};
        });
        assertThat((String[]) seen[0]).allSatisfy(outcome -> assertThat(outcome).startsWith(InterruptedException.class.getName()));
        assertThat(seen[1]).isEqualTo(0L);
        assertThat(seen[2]).isEqualTo(false);
    }
}
