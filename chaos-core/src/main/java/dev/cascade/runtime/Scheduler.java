package dev.cascade.runtime;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * Where processes get their threads, their timers and their clock. The runtime reads no clock,
 * starts no thread and waits on no timed JDK primitive except through the scheduler its
 * {@link Node} was given, so a simulated scheduler can run the same code on virtual time.
 *
 * <p>This is a service-provider interface: users pick an implementation ({@link #real()}),
 * they do not call its methods.
 */
public interface Scheduler extends AutoCloseable {

    /**
     * One virtual thread per process on the JDK's shared carriers, the system's monotonic clock, a
     * platform timer thread.
     */
    static Scheduler real() {
        return new dev.cascade.runtime.internal.RealScheduler();
    }

    /**
     * As {@link #real()}, the node's processes running on {@code carriers} carrier threads of its
     * own. One carrier is the fastest for message passing: a process that wakes another hands it
     * to the same carrier, where it runs next (on two cores: round trips 2x, calls 2-3x, restarts
     * 1.6x faster than on the JDK's two shared carriers, with a third of the CPU time).
     *
     * <pre>{@code
     * try (Node node = Node.start(Scheduler.real(1), RuntimeListener.NONE)) { ... }
     * }</pre>
     *
     * <p>Limitations: the JVM does not preempt virtual threads, so a process that computes without
     * ever blocking holds one carrier until it blocks; on one carrier it holds up every other
     * process of the node, even one that would kill it (otp-semantics P3 then takes effect when it
     * next blocks). Give CPU-bound nodes more carriers, or {@link #real()}. Carriers of its own
     * need {@code --add-opens=java.base/java.lang=ALL-UNNAMED} (the simulation's executor backend
     * needs it too); without it the processes run on the JDK's shared carriers, and
     * {@link #description()} says so.
     *
     * @throws IllegalArgumentException if {@code carriers} is less than 1
     */
    static Scheduler real(int carriers) {
        return new dev.cascade.runtime.internal.RealScheduler(carriers);
    }

    /**
     * A deterministic simulation on virtual time, replayable from {@code seed}; see
     * {@link dev.cascade.simulation.SimulatedScheduler} for its options.
     */
    static dev.cascade.simulation.SimulatedScheduler simulated(long seed) {
        return dev.cascade.simulation.SimulatedScheduler.withSeed(seed);
    }

    /** A short description for reports, e.g. {@code "real (virtual threads)"}. */
    String description();

    /** Starts {@code body} on a new thread of this scheduler. */
    void startThread(String name, Runnable body);

    /** Monotonic time in nanoseconds, from an arbitrary origin. */
    long nanoTime();

    /**
     * Runs {@code action} once, {@code delay} from now, on a thread of the scheduler's choosing.
     * The action must be short and must not block.
     */
    Cancellable schedule(Duration delay, Runnable action);

    /**
     * Parks the calling process thread until {@link #unpark} is called for it (or spuriously; callers
     * re-check their condition). Every wait of the runtime goes through here, so a simulated
     * scheduler decides which process runs next.
     */
    default void park() {
        LockSupport.park(this);
    }

    /** Makes {@code thread}'s current or next {@link #park} return. */
    default void unpark(Thread thread) {
        LockSupport.unpark(thread);
    }

    /**
     * True if at most one of this scheduler's threads runs at any moment and every wake-up passes
     * through it (a simulation on its own executor): the runtime then skips the locks that only
     * exclude concurrent threads. False by default, which is always safe.
     */
    default boolean oneThreadOfControl() {
        return false;
    }

    /**
     * Waits, on a thread that is no process of this scheduler, for {@code result}: a real
     * scheduler blocks for up to {@code limit} of real time, a simulated one runs the simulation
     * until the result is there.
     */
    default <T> T await(CompletableFuture<T> result, Duration limit)
            throws ExecutionException, InterruptedException, TimeoutException {
        return result.get(limit.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Stops the timer thread; threads still running are the node's to unwind. */
    @Override
    void close();

    /** A scheduled action that can be cancelled; cancelling after it ran is harmless. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
