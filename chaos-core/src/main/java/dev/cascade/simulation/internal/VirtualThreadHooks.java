package dev.cascade.simulation.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Constructor;
import java.util.concurrent.Executor;

/**
 * The two JDK internals the executor backend needs, reached by reflection when
 * {@code java.base/java.lang} is open to Cascade: the constructor that builds virtual threads on a
 * given executor, and a virtual thread's executor and continuation task (to recognise its own
 * threads and name them in the step log). Checked once; {@link #unavailable()} says why not.
 */
final class VirtualThreadHooks {
    static final String FLAG = "--add-opens=java.base/java.lang=ALL-UNNAMED";

    private static final Constructor<?> BUILDER;
    private static final VarHandle SCHEDULER;
    private static final VarHandle CONTINUATION;
    private static final String UNAVAILABLE;

    static {
        Constructor<?> builder = null;
        VarHandle scheduler = null;
        VarHandle continuation = null;
        String unavailable = null;
        try {
            builder = Class.forName("java.lang.ThreadBuilders$VirtualThreadBuilder").getDeclaredConstructor(Executor.class);
            builder.setAccessible(true);
            Class<?> virtualThread = Class.forName("java.lang.VirtualThread");
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(virtualThread, MethodHandles.lookup());
            scheduler = lookup.findVarHandle(virtualThread, "scheduler", Executor.class);
            continuation = lookup.findVarHandle(virtualThread, "runContinuation", Runnable.class);
        } catch (ReflectiveOperationException | RuntimeException notOpen) {
            unavailable = notOpen.getClass().getSimpleName() + ": " + notOpen.getMessage();
        }
        BUILDER = builder;
        SCHEDULER = scheduler;
        CONTINUATION = continuation;
        UNAVAILABLE = unavailable;
    }

    private VirtualThreadHooks() {}

    /** Null if the hooks work; otherwise why not. */
    static String unavailable() {
        return UNAVAILABLE;
    }

    static Thread.Builder.OfVirtual builder(Executor executor) {
        try {
            return (Thread.Builder.OfVirtual) BUILDER.newInstance(executor);
        } catch (ReflectiveOperationException failed) {
            throw new IllegalStateException("cannot build virtual threads on the simulator's executor", failed);
        }
    }

    /** The executor {@code thread} runs on, or null for a platform thread. */
    static Executor executorOf(Thread thread) {
        return thread.isVirtual() ? (Executor) SCHEDULER.get(thread) : null;
    }

    /** The task a virtual thread submits to its executor each time it becomes ready. */
    static Runnable continuationOf(Thread thread) {
        return (Runnable) CONTINUATION.get(thread);
    }
}
