package dev.cascade.simulation.internal;

import dev.cascade.simulation.Backend;
import dev.cascade.simulation.Nondeterminism;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Baton passing on ordinary virtual threads, no JDK internals: the {@link Driver} gives the baton to
 * the chosen thread and waits until it comes back, which happens when that thread waits in the
 * runtime ({@link #park}) or ends. A thread that blocks somewhere else (a {@code java.util.concurrent}
 * lock, a latch) cannot hand the baton back; the driver notices that it is blocked, reports the run
 * as not reproducible, and lets it go on outside the baton until it next waits in the runtime.
 */
final class BatonBackend implements ThreadBackend {
    private static final long POLL_NANOS = 100_000;

    private enum State { READY, RUNNING, PARKED, OUTSIDE, DONE }

    private static final class Runner {
        final String name;
        Thread thread;
        State state = State.READY;
        boolean permit;
        volatile boolean baton;

        Runner(String name) {
            this.name = name;
        }
    }

    private final Driver driver;
    private final Duration realTimeLimit;
    private final ReentrantLock lock = new ReentrantLock();
    private final ConcurrentHashMap<Thread, Runner> runners = new ConcurrentHashMap<>();
    private volatile Runner holder;
    private volatile boolean returned;
    private volatile Thread driverThread;

    BatonBackend(Driver driver, Duration realTimeLimit) {
        this.driver = driver;
        this.realTimeLimit = realTimeLimit;
    }

    @Override
    public Backend kind() {
        return Backend.BATON;
    }

    @Override
    public void start(String name, Runnable body) {
        Runner runner = new Runner(name);
        Thread thread = Thread.ofVirtual().name(name).unstarted(() -> {
            awaitBaton(runner);
            try {
                body.run();
            } finally {
                finish(runner);
            }
        });
        runner.thread = thread;
        runners.put(thread, runner);
        driver.submit(runner);
        thread.start();
    }

    @Override
    public void run(Object task) {
        Runner runner = (Runner) task;
        lock.lock();
        try {
            runner.state = State.RUNNING;
            returned = false;
            holder = runner;
        } finally {
            lock.unlock();
        }
        driverThread = Thread.currentThread();
        runner.baton = true;
        LockSupport.unpark(runner.thread);
        long start = System.nanoTime();
        while (!returned) {
            LockSupport.parkNanos(this, POLL_NANOS);
            if (!returned && blockedOutside(runner)) {
                return;
            }
            if (!returned && System.nanoTime() - start > realTimeLimit.toNanos()) {
                throw new IllegalStateException(runner.name + " has kept control for more than " + realTimeLimit.toMillis()
                        + " ms of real time without waiting in the runtime (on the baton backend a Thread.yield does not"
                        + " hand control back); it is at " + Frames.user(runner.thread.getStackTrace()));
            }
        }
    }

    private boolean blockedOutside(Runner runner) {
        if (!waits(runner.thread)) {
            return false;
        }
        StackTraceElement[] stack = runner.thread.getStackTrace();
        if (!waits(runner.thread)) {
            return false; // it ran between the two looks (say, it had just got the baton): the stack may be of running code
        }
        for (StackTraceElement frame : stack) {
            String type = frame.getClassName();
            if (type.equals("java.lang.Thread") && frame.getMethodName().equals("yield")) {
                return false; // yielding, so still running: it keeps the baton
            }
            if (type.equals(BatonBackend.class.getName())) {
                return false; // waiting for the baton or for this backend's own lock: not outside
            }
            if (!type.startsWith("java.") && !type.startsWith("jdk.")) {
                break; // the first frame above the JDK's is someone else's: blocked outside
            }
        }
        lock.lock();
        try {
            if (returned || holder != runner) {
                return false;
            }
            runner.state = State.OUTSIDE;
            holder = null;
        } finally {
            lock.unlock();
        }
        driver.noteNondeterminism(Nondeterminism.Kind.BLOCKED_OUTSIDE_RUNTIME, runner.name, Frames.blockingCall(stack));
        return true;
    }

    private static boolean waits(Thread thread) {
        Thread.State state = thread.getState();
        return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING || state == Thread.State.BLOCKED;
    }

    @Override
    public void park() {
        Runner runner = runners.get(Thread.currentThread());
        if (runner == null) {
            LockSupport.park(driver); // a thread this backend does not run (started by a handler)
            return;
        }
        boolean handBack;
        lock.lock();
        try {
            if (runner.permit) {
                runner.permit = false;
                return;
            }
            runner.state = State.PARKED;
            handBack = holder == runner;
            if (handBack) {
                holder = null;
            }
        } finally {
            lock.unlock();
        }
        if (handBack) {
            giveBack();
        }
        awaitBaton(runner);
    }

    @Override
    public int parkedInRuntime() {
        lock.lock();
        try {
            int parked = 0;
            for (Runner runner : runners.values()) {
                parked += runner.state == State.PARKED ? 1 : 0;
            }
            return parked;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void unpark(Thread thread) {
        Runner runner = runners.get(thread);
        if (runner == null) {
            LockSupport.unpark(thread);
            return;
        }
        boolean ready;
        lock.lock();
        try {
            ready = runner.state == State.PARKED;
            if (ready) {
                runner.state = State.READY;
            } else {
                runner.permit = true;
            }
        } finally {
            lock.unlock();
        }
        if (ready) {
            driver.submit(runner);
        }
    }

    private void finish(Runner runner) {
        boolean handBack;
        lock.lock();
        try {
            runner.state = State.DONE;
            handBack = holder == runner;
            if (handBack) {
                holder = null;
            }
        } finally {
            lock.unlock();
        }
        runners.remove(runner.thread);
        if (handBack) {
            giveBack();
        }
    }

    private void giveBack() {
        returned = true;
        LockSupport.unpark(driverThread);
    }

    private void awaitBaton(Runner runner) {
        boolean interrupted = false;
        while (!runner.baton) {
            LockSupport.park(this);
            if (Thread.interrupted()) {
                interrupted = true;
            }
        }
        runner.baton = false;
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean owns(Thread thread) {
        Runner current = holder;
        return current != null && current.thread == thread;
    }

    @Override
    public boolean isSimulated(Thread thread) {
        return runners.containsKey(thread);
    }

    @Override
    public Thread threadOf(Object task) {
        return ((Runner) task).thread;
    }

    @Override
    public String nameOf(Object task) {
        return ((Runner) task).name;
    }

    @Override
    public Collection<Thread> liveThreads() {
        return new ArrayList<>(runners.keySet());
    }
}
