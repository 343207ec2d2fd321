package dev.cascade.runtime.internal;

import dev.cascade.runtime.Scheduler;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RealTimersTests {
    private static final long MS = 1_000_000;

    @Test
    void timers_fire_in_deadline_order_whatever_order_they_were_scheduled_in() throws InterruptedException {
        RealTimers timers = new RealTimers();
        List<Integer> fired = new CopyOnWriteArrayList<>();
        CountDownLatch all = new CountDownLatch(4);
        CountDownLatch release = holdTheTimerThread(timers); // a stalled test thread cannot let the latest fire first
        long now = System.nanoTime();
        timers.scheduleAt(now + 30 * MS, () -> { fired.add(3); all.countDown(); });
        timers.scheduleAt(now + 10 * MS, () -> { fired.add(1); all.countDown(); });
        timers.scheduleAt(now + 20 * MS, () -> { fired.add(2); all.countDown(); });
        timers.scheduleAt(now + 20 * MS, () -> { fired.add(22); all.countDown(); }); // a tie: in scheduling order
        release.countDown();
        assertThat(all.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(fired).containsExactly(1, 2, 22, 3);
        timers.close();
    }

    @Test
    void a_cancelled_timer_never_runs_even_when_it_is_long_due() throws InterruptedException {
        RealTimers timers = new RealTimers();
        CountDownLatch release = holdTheTimerThread(timers); // while due timers are cancelled
        List<Integer> fired = new CopyOnWriteArrayList<>();
        long past = System.nanoTime() - MS;
        for (int i = 0; i < 10_000; i++) { // enough to make the queue sweep its cancelled timers
            int n = i;
            Scheduler.Cancellable timer = timers.scheduleAt(past, () -> fired.add(n));
            timer.cancel();
            timer.cancel(); // harmless twice
        }
        CountDownLatch last = new CountDownLatch(1);
        timers.scheduleAt(past, last::countDown);
        release.countDown();
        assertThat(last.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(fired).isEmpty();
        timers.close();
    }

    /** Keeps the timer thread busy in an action until the returned latch is counted down. */
    private static CountDownLatch holdTheTimerThread(RealTimers timers) throws InterruptedException {
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        timers.schedule(0, () -> {
            busy.countDown();
            awaitQuietly(release);
        });
        assertThat(busy.await(10, TimeUnit.SECONDS)).isTrue();
        return release;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void an_earlier_timer_scheduled_while_the_thread_waits_for_a_later_one_fires_first() throws InterruptedException {
        RealTimers timers = new RealTimers();
        CountDownLatch late = new CountDownLatch(1);
        CountDownLatch early = new CountDownLatch(1);
        timers.schedule(TimeUnit.SECONDS.toNanos(60), late::countDown);
        timers.schedule(1 * MS, early::countDown);
        assertThat(early.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(late.getCount()).isEqualTo(1);
        timers.close();
    }

    @Test
    void a_closed_scheduler_refuses_timers_and_drops_pending_ones() {
        RealTimers timers = new RealTimers();
        timers.schedule(TimeUnit.SECONDS.toNanos(60), () -> { });
        timers.close();
        assertThatThrownBy(() -> timers.schedule(MS, () -> { })).isInstanceOf(RejectedExecutionException.class);
    }
}
