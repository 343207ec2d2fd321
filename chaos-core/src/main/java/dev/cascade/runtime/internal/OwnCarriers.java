package dev.cascade.runtime.internal;

import java.lang.reflect.Constructor;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;

/**
 * Carrier threads of a node's own: virtual threads built on a {@link ForkJoinPool} of the node's,
 * through the JDK's non-public {@code ThreadBuilders$VirtualThreadBuilder(Executor)} constructor
 * (the one the simulation uses; reachable when {@code java.base/java.lang} is open to Cascade).
 *
 * <p>Why: a process that wakes another hands it to a carrier; on the JDK's shared scheduler the
 * partner usually lands on another, idle carrier, which must be woken first and then misses the
 * first one's caches. On a node with one carrier the partner runs next on the same one. Measured
 * on 2 cores, one carrier against the JDK's two: round trips 2x faster, calls 2x, casts into one
 * server 1.4x, restarts 1.6x, starts 2x, each with a third to a half of the CPU time.
 */
final class OwnCarriers {
    /** The flag that opens the constructor. */
    static final String FLAG = "--add-opens=java.base/java.lang=ALL-UNNAMED";
    private static final long KEEP_ALIVE_SECONDS = 2; // an idle node's carriers end soon; a test suite starts many nodes
    private static final Constructor<?> BUILDER = builderConstructor();

    private OwnCarriers() {}

    private static Constructor<?> builderConstructor() {
        try {
            Constructor<?> builder = Class.forName("java.lang.ThreadBuilders$VirtualThreadBuilder")
                    .getDeclaredConstructor(Executor.class);
            builder.setAccessible(true);
            return builder;
        } catch (ReflectiveOperationException | RuntimeException notOpen) {
            return null;
        }
    }

    /** Whether virtual threads can be given carriers of their own in this JVM. */
    static boolean available() {
        return BUILDER != null;
    }

    /** A builder of virtual threads that run on {@code carriers} new carrier threads; see {@link #available()}. */
    static Thread.Builder.OfVirtual builder(int carriers) {
        ForkJoinPool pool = new ForkJoinPool(carriers, OwnCarriers::carrier, null, true, 0, carriers, 1,
                saturated -> true, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
        try {
            return (Thread.Builder.OfVirtual) BUILDER.newInstance(pool);
        } catch (ReflectiveOperationException failed) {
            throw new IllegalStateException("cannot build virtual threads on a carrier pool", failed);
        }
    }

    private static ForkJoinWorkerThread carrier(ForkJoinPool pool) {
        ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
        thread.setName("cascade-carrier-" + thread.getPoolIndex());
        thread.setDaemon(true);
        return thread;
    }
}
