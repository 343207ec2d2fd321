package dev.cascade.simulation.internal;

import dev.cascade.simulation.Nondeterminism;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Wake-ups from threads the simulation does not own, kept apart until the driver takes them, and
 * the record of everything that made the run depend on more than its seed. Foreign threads touch
 * this class; everything else of the simulation is the driving thread's alone.
 */
final class ForeignWakeUps {
    private final ConcurrentLinkedQueue<WakeUp> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final List<Nondeterminism> causes = new ArrayList<>();

    /** A task made ready by a thread the simulation does not own. */
    record WakeUp(Object task, String waker, Nondeterminism.Kind kind) {}

    /** Called on the foreign thread. */
    void add(Object task, Thread waker) {
        queue.add(new WakeUp(task, waker.getName(), kindOf(waker)));
        lock.lock();
        try {
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Whether a wake-up is queued: cheap enough for every step. */
    boolean pending() {
        return !queue.isEmpty();
    }

    /** Hands every queued wake-up to {@code take}, on the driving thread. */
    void drain(Consumer<WakeUp> take) {
        WakeUp next;
        while ((next = queue.poll()) != null) {
            take.accept(next);
        }
    }

    /** Waits up to {@code nanos} of real time for a wake-up; true if one is queued. */
    boolean await(long nanos) throws InterruptedException {
        lock.lock();
        try {
            if (queue.isEmpty()) {
                arrived.await(nanos, TimeUnit.NANOSECONDS);
            }
            return !queue.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    /** Records a cause of non-reproducibility, once per kind and thread. */
    void note(Nondeterminism.Kind kind, String thread, String detail, long now, long step) {
        lock.lock();
        try {
            for (Nondeterminism known : causes) {
                if (known.kind() == kind && known.thread().equals(thread)) {
                    return;
                }
            }
            causes.add(new Nondeterminism(kind, thread, detail, Duration.ofNanos(now), step));
        } finally {
            lock.unlock();
        }
    }

    List<Nondeterminism> causes() {
        lock.lock();
        try {
            return List.copyOf(causes);
        } finally {
            lock.unlock();
        }
    }

    void clear() {
        queue.clear();
    }

    /** Tells, from the thread that submitted a wake-up, what kind of outside event it was. */
    static Nondeterminism.Kind kindOf(Thread waker) {
        String name = waker.getName();
        if (name.contains("unblocker")) {
            return Nondeterminism.Kind.MONITOR_CONTENTION;
        }
        if (name.contains("unparker") || name.contains("delayScheduler") || name.contains("Timer")) {
            return Nondeterminism.Kind.JDK_TIMED_WAIT;
        }
        return Nondeterminism.Kind.FOREIGN_WAKE_UP;
    }
}
