package dev.cascade.conformance;

import dev.cascade.runtime.Scheduler;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Real virtual threads on a clock that moves only when the test says so: timer rules (inactivity
 * and call timeouts) become exact and race-free. Waits that must end on their own never do; use
 * it only where every expected message comes without the clock moving.
 *
 * <pre>{@code
 * ManualScheduler clock = new ManualScheduler();
 * try (Node node = Node.start(clock, RuntimeListener.NONE)) {
 *     ...
 *     clock.advance(Duration.ofSeconds(5));   // runs every timer due by then, in order
 * }
 * }</pre>
 */
public final class ManualScheduler implements Scheduler {
    private final ReentrantLock lock = new ReentrantLock();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>(
            Comparator.comparingLong(Timer::due).thenComparingLong(Timer::sequence));
    private long now;
    private long sequence;

    private record Timer(long due, long sequence, Runnable action) {}

    @Override
    public String description() {
        return "manual clock (virtual threads)";
    }

    @Override
    public void startThread(String name, Runnable body) {
        Thread.ofVirtual().name(name).start(body);
    }

    @Override
    public long nanoTime() {
        lock.lock();
        try {
            return now;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable action) {
        lock.lock();
        try {
            Timer timer = new Timer(now + delay.toNanos(), sequence++, action);
            timers.add(timer);
            return () -> {
                lock.lock();
                try {
                    timers.remove(timer);
                } finally {
                    lock.unlock();
                }
            };
        } finally {
            lock.unlock();
        }
    }

    /** How many timers are set and not yet run or cancelled. */
    public int pendingTimers() {
        lock.lock();
        try {
            return timers.size();
        } finally {
            lock.unlock();
        }
    }

    /** Moves the clock forward by {@code step} and runs, on the calling thread, every timer due by then. */
    public void advance(Duration step) {
        List<Timer> due = new ArrayList<>();
        lock.lock();
        try {
            now += step.toNanos();
            while (!timers.isEmpty() && timers.peek().due() <= now) {
                due.add(timers.poll());
            }
        } finally {
            lock.unlock();
        }
        due.forEach(timer -> timer.action().run());
    }

    @Override
    public void close() {
        lock.lock();
        try {
            timers.clear();
        } finally {
            lock.unlock();
        }
    }
}
