package dev.cascade.conformance;

import dev.cascade.runtime.ProcessContext;
import dev.cascade.runtime.Scheduler;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/**
 * A clock for exact timer rules (a timeout fires at its deadline, not a millisecond before), on
 * either scheduler the tests run on. On the real scheduler it is a {@link ManualScheduler} moved by
 * hand; under simulation it is the simulation's own virtual time, which the test moves by sleeping
 * (every process that can run does so before the clock moves, so a timer is never missed or early).
 * Both clocks read 0 when created; {@link #advance} moves to a position counted from there.
 *
 * <pre>{@code
 * ExactClock clock = new ExactClock();
 * InProcess.run(clock.scheduler(), RuntimeListener.NONE, ctx -> {
 *     ... start something that waits 100 ms ...
 *     clock.awaitPendingTimers(1);
 *     clock.advance(ctx, Duration.ofMillis(99));   // nothing yet
 *     clock.advance(ctx, Duration.ofMillis(1));    // now it fires, and ctx.nanoTime() reads exactly 100 ms
 * });
 * }</pre>
 */
public final class ExactClock {
    private final ManualScheduler manual;
    private final Scheduler scheduler;
    private long position;

    /** A manual clock on the real scheduler, a simulation under {@code -Dcascade.test.scheduler=simulated}. */
    public ExactClock() {
        if (TestScheduler.simulated()) {
            this.manual = null;
            this.scheduler = TestScheduler.create();
        } else {
            this.manual = new ManualScheduler();
            this.scheduler = manual;
        }
    }

    /** The scheduler to start the node on. */
    public Scheduler scheduler() {
        return scheduler;
    }

    /**
     * Returns once {@code count} timers are set, so that {@link #advance} cannot run before a wait
     * has armed its timer. On a manual clock the other threads run in real time, so this polls; on
     * virtual time a timer is always set before the clock can move, so there is nothing to wait for.
     */
    public void awaitPendingTimers(int count) {
        if (manual != null) {
            await().atMost(Duration.ofSeconds(10)).until(() -> manual.pendingTimers() == count);
        }
    }

    /**
     * Moves the clock forward by {@code step} from where the last advance left it and runs every
     * timer due by then: on the manual clock on this thread, under simulation by sleeping in process
     * {@code ctx} until then.
     */
    public void advance(ProcessContext ctx, Duration step) {
        position += step.toNanos();
        if (manual != null) {
            manual.advance(step);
            return;
        }
        long left = position - ctx.nanoTime();
        if (left < 0) {
            throw new IllegalStateException("the virtual clock already reads " + Duration.ofNanos(ctx.nanoTime())
                    + ", past the position " + Duration.ofNanos(position) + " the test moves it to");
        }
        ctx.sleep(Duration.ofNanos(left));
    }
}
