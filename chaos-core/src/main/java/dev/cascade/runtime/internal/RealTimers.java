package dev.cascade.runtime.internal;

import dev.cascade.runtime.Scheduler;

import java.util.PriorityQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The real scheduler's timers: one platform thread, a queue by deadline (ties in scheduling order).
 * Built for the runtime's use, where nearly every timer (a call's or a receive's timeout) is
 * cancelled long before it is due: scheduling wakes the timer thread only when the new timer is
 * due before the thread would wake anyway, and cancelling is one atomic step that leaves the timer
 * in the queue, to be discarded when it comes up or swept when cancelled timers are the majority.
 * A {@code ScheduledThreadPoolExecutor} instead signalled its thread on nearly every schedule and
 * cancel, which cost a call about as much as the call itself.
 */
final class RealTimers {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final PriorityQueue<Timer> queue = new PriorityQueue<>();
    private final AtomicInteger cancelled = new AtomicInteger(); // about how many cancelled timers the queue holds
    private long sequence;
    private Thread thread; // started by the first timer
    private boolean closed;
    private boolean sleeping; // the thread waits for the queue's head or for a change
    private boolean sleepingForever; // it waits for a change only (the queue was empty)
    private long wakeAt; // while sleeping and not forever: when it wakes by itself

    /** A scheduled action; cancelling it before it ran makes sure it never runs. */
    private final class Timer implements Scheduler.Cancellable, Comparable<Timer> {
        private static final int PENDING = 0;
        private static final int DONE = 1;
        private final long deadline;
        private final long order;
        private final Runnable action;
        private final AtomicInteger state = new AtomicInteger(PENDING);

        Timer(long deadline, long order, Runnable action) {
            this.deadline = deadline;
            this.order = order;
            this.action = action;
        }

        @Override
        public void cancel() {
            if (state.compareAndSet(PENDING, DONE)) {
                cancelled.incrementAndGet();
            }
        }

        boolean cancelled() {
            return state.get() == DONE;
        }

        void fire() {
            if (state.compareAndSet(PENDING, DONE)) {
                try {
                    action.run();
                } catch (Throwable ignored) {
                    // as a scheduled executor would: a failing action does not stop the timers
                }
            }
        }

        @Override
        public int compareTo(Timer other) {
            long byTime = deadline - other.deadline;
            return byTime != 0 ? Long.signum(byTime) : Long.compare(order, other.order);
        }
    }

    Scheduler.Cancellable schedule(long delayNanos, Runnable action) {
        return scheduleAt(System.nanoTime() + Math.clamp(delayNanos, 0, Long.MAX_VALUE / 4), action); // ~73 years: no overflow
    }

    /** Runs {@code action} once {@link System#nanoTime()} reaches {@code deadline}. */
    Scheduler.Cancellable scheduleAt(long deadline, Runnable action) {
        lock.lock();
        try {
            if (closed) {
                throw new RejectedExecutionException("the scheduler is closed");
            }
            Timer timer = new Timer(deadline, sequence++, action);
            sweepIfMostlyCancelled();
            queue.add(timer);
            if (thread == null) {
                thread = Thread.ofPlatform().name("cascade-timers").daemon().start(this::run);
            } else if (sleeping && (sleepingForever || deadline - wakeAt < 0)) {
                changed.signal();
            }
            return timer;
        } finally {
            lock.unlock();
        }
    }

    private void sweepIfMostlyCancelled() {
        int dead = cancelled.get();
        if (dead > 256 && dead > queue.size() / 2) {
            int before = queue.size();
            queue.removeIf(Timer::cancelled);
            cancelled.addAndGet(queue.size() - before);
        }
    }

    private void run() {
        lock.lock();
        try {
            while (!closed) {
                Timer head = queue.peek();
                if (head != null && head.cancelled()) {
                    queue.poll();
                    cancelled.decrementAndGet();
                    continue;
                }
                long wait = head == null ? 0 : head.deadline - System.nanoTime();
                if (head == null || wait > 0) {
                    sleeping = true;
                    sleepingForever = head == null;
                    wakeAt = head == null ? 0 : head.deadline;
                    try {
                        if (head == null) {
                            changed.await();
                        } else {
                            changed.awaitNanos(wait);
                        }
                    } catch (InterruptedException interrupted) {
                        return;
                    } finally {
                        sleeping = false;
                    }
                    continue;
                }
                queue.poll();
                lock.unlock();
                try {
                    head.fire();
                } finally {
                    lock.lock();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Drops every pending timer and stops the thread. */
    void close() {
        lock.lock();
        try {
            closed = true;
            queue.clear();
            changed.signal();
        } finally {
            lock.unlock();
        }
    }

    /** A delay in nanoseconds, saturated rather than overflowing. */
    static long nanos(java.time.Duration delay) {
        return TimeUnit.NANOSECONDS.convert(delay);
    }
}
