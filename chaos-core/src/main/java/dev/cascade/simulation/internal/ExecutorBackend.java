package dev.cascade.simulation.internal;

import dev.cascade.simulation.Backend;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.LockSupport;

/**
 * Virtual threads whose executor is the simulation itself: a thread that parks (anywhere: the
 * runtime's receive, a {@code java.util.concurrent} lock or queue, a child virtual thread's join)
 * returns control to the {@link Driver}, and a thread that becomes ready is submitted to it. Child
 * virtual threads a handler starts inherit this executor, so they are simulated too.
 */
final class ExecutorBackend implements ThreadBackend, Executor {
    private final Driver driver;
    private final Thread.Builder.OfVirtual builder;
    private final IdentityHashMap<Runnable, Thread> started = new IdentityHashMap<>();
    private int parked; // one thread of control: no other thread counts

    ExecutorBackend(Driver driver) {
        this.driver = driver;
        this.builder = VirtualThreadHooks.builder(this);
    }

    @Override
    public Backend kind() {
        return Backend.EXECUTOR;
    }

    @Override
    public void start(String name, Runnable body) {
        Thread thread = builder.name(name).unstarted(() -> {
            try {
                body.run();
            } finally {
                started.remove(VirtualThreadHooks.continuationOf(Thread.currentThread()));
            }
        });
        started.put(VirtualThreadHooks.continuationOf(thread), thread);
        thread.start();
    }

    /** Called by the JDK whenever one of this simulation's virtual threads becomes ready. */
    @Override
    public void execute(Runnable task) {
        driver.submit(task);
    }

    @Override
    public void park() {
        parked++;
        try {
            LockSupport.park(driver);
        } finally {
            parked--;
        }
    }

    @Override
    public int parkedInRuntime() {
        return parked;
    }

    @Override
    public void unpark(Thread thread) {
        LockSupport.unpark(thread);
    }

    @Override
    public void run(Object task) {
        ((Runnable) task).run();
    }

    @Override
    public boolean owns(Thread thread) {
        return VirtualThreadHooks.executorOf(thread) == this;
    }

    @Override
    public boolean isSimulated(Thread thread) {
        return owns(thread); // on a single-threaded executor, a running simulated thread is the one in control
    }

    @Override
    public Thread threadOf(Object task) {
        return started.get(task);
    }

    @Override
    public String nameOf(Object task) {
        Thread thread = started.get(task);
        return thread == null ? "virtual thread of a handler" : thread.getName();
    }

    @Override
    public Collection<Thread> liveThreads() {
        return new ArrayList<>(started.values());
    }
}
