package dev.cascade.simulation.internal;

import dev.cascade.simulation.Backend;

import java.util.Collection;

/**
 * How the simulation keeps to one thread of control. A backend starts the simulation's threads,
 * parks and unparks them, and runs one ready task until its thread blocks or ends; it tells the
 * {@link Driver} when a thread becomes ready through {@link Driver#submit}.
 */
interface ThreadBackend {

    Backend kind();

    void start(String name, Runnable body);

    void park();

    void unpark(Thread thread);

    /** Runs a ready task (as given to {@link Driver#submit}) until its thread blocks or ends. */
    void run(Object task);

    /** Whether {@code thread} is a simulated thread that may act right now (the one holding control). */
    boolean owns(Thread thread);

    /** Whether {@code thread} is one of this simulation's threads, in control or not. */
    boolean isSimulated(Thread thread);

    /** The thread behind a ready task, or null if unknown (a virtual thread a handler started). */
    Thread threadOf(Object task);

    /** The name of the thread behind a ready task, for the step log; "?" if unknown. */
    String nameOf(Object task);

    /** How many of this backend's threads wait in {@link #park} now (the other idle ones wait elsewhere). */
    int parkedInRuntime();

    /** The threads started through {@link #start} that have not ended. */
    Collection<Thread> liveThreads();
}
