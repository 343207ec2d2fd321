package dev.cascade.simulation.internal;

import dev.cascade.simulation.RunBudgetExceededException;

import dev.cascade.runtime.internal.Kernel;
import dev.cascade.simulation.Backend;
import dev.cascade.simulation.Deadlock;
import dev.cascade.simulation.DeadlockException;
import dev.cascade.simulation.DeadlockPolicy;
import dev.cascade.simulation.Nondeterminism;
import dev.cascade.simulation.Quiescence;
import dev.cascade.simulation.SimulationReport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The simulation's one thread of control. The thread that drives (the test's thread, or whoever
 * calls a driving method) runs ready threads one at a time, chosen by the seed; when none is ready
 * it moves the virtual clock to the next timer and fires it. Wake-ups that come from a thread the
 * simulation does not own are queued apart, counted, and make the run not reproducible.
 */
public final class Driver {
    /** Steps allowed for the processes a closing node killed to unwind; more means one refuses to die. */
    private static final int UNWIND_STEPS = 1_000_000;

    private final long seed;
    private final ReadySet ready;
    private final TimerQueue timers = new TimerQueue();
    private final ThreadBackend backend;
    private final DeadlockPolicy deadlockPolicy;
    private final Consumer<Deadlock> deadlockListener;
    private final Duration realTimeLimit;
    private final long maxSteps;
    private final ForeignWakeUps foreign = new ForeignWakeUps();
    private final StepLog log;
    private final Stalls stalls;
    private volatile Thread controller;
    private volatile boolean driving;
    private volatile boolean closed;
    private long now;
    private long steps;
    private boolean inStep;
    private final ArrayList<Object> resubmitted = new ArrayList<>();
    private DeadlockFinder deadlocks;

    public Driver(long seed, Backend backend, DeadlockPolicy deadlockPolicy, Consumer<Deadlock> deadlockListener,
                  Duration realTimeLimit, long maxSteps, boolean recordSteps) {
        this.maxSteps = maxSteps;
        this.seed = seed;
        this.ready = new ReadySet(seed);
        this.deadlockPolicy = deadlockPolicy;
        this.deadlockListener = deadlockListener;
        this.realTimeLimit = realTimeLimit;
        this.log = recordSteps ? new StepLog() : null;
        this.controller = Thread.currentThread();
        this.backend = backend == Backend.EXECUTOR ? new ExecutorBackend(this) : new BatonBackend(this, realTimeLimit);
        this.stalls = new Stalls(this);
    }

    public void bind(Kernel kernel) {
        if (deadlocks != null) {
            throw new IllegalStateException("a SimulatedScheduler drives exactly one node; create a new one for each node");
        }
        deadlocks = new DeadlockFinder(kernel);
    }

    public Backend backend() {
        return backend.kind();
    }

    /**
     * The node is acted on from outside its processes ({@code Node.run}, {@code exit}, {@code spawn}, {@code close}):
     * between drives the calling thread takes control, so what it wakes is not foreign; during a
     * drive only the driving thread may do that.
     */
    public void fromOutside(String action) {
        Thread current = Thread.currentThread();
        if (backend.isSimulated(current)) {
            if (action.equals("close") || action.equals("run")) {
                throw new IllegalStateException("Node." + action + " cannot be called from inside a process of a simulation;"
                        + " call it from the thread that drives the simulation");
            }
            return;
        }
        if (driving && current != controller) {
            throw new IllegalStateException("Node." + action + " was called from thread \"" + current.getName()
                    + "\" while thread \"" + controller.getName() + "\" drives the simulation; call it from that thread");
        }
        if (!driving) {
            controller = current;
        }
    }

    // ---- the Scheduler side ---------------------------------------------------------------------

    public void startThread(String name, Runnable body) {
        Thread current = Thread.currentThread();
        if (!driving && !backend.isSimulated(current)) {
            controller = current; // set-up from outside, between runs
        }
        backend.start(name, body);
    }

    public long nanoTime() {
        return now;
    }

    public TimerQueue.Timer schedule(Duration delay, Runnable action) {
        long nanos = delay.toNanos();
        long due = nanos > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + nanos;
        return timers.add(due, action);
    }

    public void park() {
        backend.park();
    }

    public void unpark(Thread thread) {
        backend.unpark(thread);
    }

    /** A thread became ready: from a thread in control it joins the ready set, from anyone else it is foreign. */
    void submit(Object task) {
        Thread current = Thread.currentThread();
        if (current == controller || backend.owns(current)) {
            if (inStep && current == controller) {
                resubmitted.add(task); // by the carrier itself, as a thread finished yielding: see afterStep
            }
            ready.add(task);
            return;
        }
        if (closed) {
            return; // a late wake-up of a thread left behind by a closed simulation
        }
        foreign.add(task, current);
    }

    void noteNondeterminism(Nondeterminism.Kind kind, String thread, String detail) {
        foreign.note(kind, thread, detail, now, steps);
    }

    // ---- driving ----------------------------------------------------------------------------------

    /** Runs until {@code done} holds; returns early (done false) when nothing can ever happen again. */
    public boolean runUntil(BooleanSupplier done) {
        return drive(done, Long.MAX_VALUE, true) == null;
    }

    /**
     * Runs until {@code holds} is true, checked whenever nothing can run at the current instant (before
     * the clock moves to the next timer); false when it is still false and nothing is due within
     * {@code horizon}. The clock is left where the run stopped.
     */
    public boolean runUntil(BooleanSupplier holds, Duration horizon) {
        return drive(() -> ready.isEmpty() && holds.getAsBoolean(), plus(now, horizon), false) == null;
    }

    public Quiescence runUntilQuiet(Duration horizon) {
        long deadline = plus(now, horizon);
        drive(() -> false, deadline, false);
        return new Quiescence(Duration.ofNanos(now), timers.size());
    }

    public Quiescence runFor(Duration span) {
        long deadline = plus(now, span);
        drive(() -> false, deadline, false);
        now = Math.max(now, deadline);
        return new Quiescence(Duration.ofNanos(now), timers.size());
    }

    private static long plus(long time, Duration span) {
        long nanos = span.toNanos();
        return nanos > Long.MAX_VALUE - time ? Long.MAX_VALUE : time + nanos;
    }

    /** Returns null when {@code done} became true, otherwise the reason it stopped. */
    private String drive(BooleanSupplier done, long deadline, boolean goal) {
        if (backend.kind() == Backend.BATON && !Thread.currentThread().isVirtual()) {
            return onVirtualThread(() -> drive(done, deadline, goal));
        }
        enter();
        long realStart = System.nanoTime();
        try {
            while (!done.getAsBoolean()) {
                takeForeign();
                if (!ready.isEmpty()) {
                    step();
                    if ((steps & 4095) == 0) {
                        checkRealTime(realStart);
                    }
                    continue;
                }
                findDeadlocks();
                if (stalls.waitForForeignWakeUp(realStart, realTimeLimit)) {
                    continue;
                }
                TimerQueue.Timer next = timers.peek();
                // done is looked at again: a thread blocked outside the runtime may have reached the goal
                // and ended (so it is no longer live) after the top of this loop looked
                if (next == null && goal && (stalls.waitForWakeUpFromOutside(realStart, realTimeLimit) || done.getAsBoolean())) {
                    continue;
                }
                if (next == null || next.due > deadline) {
                    return next == null ? "nothing can run and no timer is set" : "quiet until the horizon";
                }
                if (timers.take(next)) {
                    now = Math.max(now, next.due);
                    if (log != null) {
                        log.add(now, "timer");
                    }
                    next.action.run();
                }
                checkRealTime(realStart);
            }
            return null;
        } finally {
            driving = false;
        }
    }

    /**
     * Baton passing hands control back and forth between the driver and a virtual thread; with the
     * driver on a virtual thread too, each hand-over is a virtual-thread unpark instead of waking a
     * platform thread. The calling thread waits for the whole drive, and is in control again after it.
     */
    private String onVirtualThread(Supplier<String> drive) {
        CompletableFuture<String> outcome = new CompletableFuture<>();
        Thread.ofVirtual().name("cascade-baton-driver").start(() -> {
            try {
                outcome.complete(drive.get());
            } catch (Throwable failed) {
                outcome.completeExceptionally(failed);
            }
        });
        try {
            return outcome.join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failed.getCause() instanceof Error error) {
                throw error;
            }
            throw failed;
        } finally {
            controller = Thread.currentThread();
        }
    }

    private void enter() {
        if (closed) {
            throw new IllegalStateException("this simulation is closed (its node was closed)");
        }
        Thread current = Thread.currentThread();
        if (backend.isSimulated(current)) {
            throw new IllegalStateException("a simulation cannot be driven from inside one of its own processes"
                    + " (Node.run, runUntilQuiet and runFor are for the test's thread)");
        }
        if (driving) {
            throw new IllegalStateException("this simulation is already being driven by thread \"" + controller.getName()
                    + "\"; drive it from one thread at a time");
        }
        if (current.isVirtual() && backend.kind() == Backend.EXECUTOR) {
            throw new IllegalStateException("the executor backend must be driven from a platform thread, not from virtual thread "
                    + current);
        }
        controller = current;
        driving = true;
    }

    private void step() {
        if (steps >= maxSteps) {
            throw new RunBudgetExceededException(RunBudgetExceededException.Budget.STEPS, String.format(java.util.Locale.ROOT,
                    "%,d steps", maxSteps), steps, Duration.ofNanos(now));
        }
        Object task = ready.pick();
        steps++;
        if (log != null) {
            log.add(now, backend.nameOf(task));
        }
        inStep = true;
        try {
            backend.run(task);
        } finally {
            inStep = false;
        }
        if (!resubmitted.isEmpty()) {
            afterStep();
        }
    }

    /**
     * A thread made ready again by its own carrier while it yielded was either yielding on purpose
     * ({@code Thread.yield}) or woken, during its yield, by a thread the simulation does not own: the
     * JDK's timer ending a timed wait. Its stack tells which.
     */
    private void afterStep() {
        for (Object task : resubmitted) {
            Thread thread = backend.threadOf(task);
            if (thread != null) {
                StackTraceElement[] stack = stackOf(thread);
                if (Frames.inTimedPark(stack)) {
                    noteNondeterminism(Nondeterminism.Kind.JDK_TIMED_WAIT, thread.getName(),
                            "woken by the JDK's clock while it parked; it waited in " + Frames.blockingCall(stack));
                }
            }
        }
        resubmitted.clear();
    }

    private void takeForeign() {
        if (!foreign.pending()) {
            return;
        }
        foreign.drain(wakeUp -> {
            ready.add(wakeUp.task());
            Thread woken = backend.threadOf(wakeUp.task());
            String waitedIn = woken == null ? "" : "; it waited in " + Frames.blockingCall(stackOf(woken));
            noteNondeterminism(wakeUp.kind(), backend.nameOf(wakeUp.task()), "woken by thread \"" + wakeUp.waker() + "\"" + waitedIn);
        });
    }

    /** A simulated thread's stack, taken on the driving thread without leaving a second ready entry behind. */
    StackTraceElement[] stackOf(Thread thread) {
        int mark = ready.size();
        StackTraceElement[] stack = thread.getStackTrace();
        ready.dropRepeatsAfter(mark);
        return stack;
    }

    private void findDeadlocks() {
        if (deadlocks == null) {
            return;
        }
        for (Deadlock found : deadlocks.newCycles(Duration.ofNanos(now))) {
            if (log != null) {
                log.add(now, found.describe());
            }
            deadlockListener.accept(found);
            if (deadlockPolicy == DeadlockPolicy.STOP) {
                throw new DeadlockException(found);
            }
        }
    }

    private void checkRealTime(long realStart) {
        if (System.nanoTime() - realStart > realTimeLimit.toNanos()) {
            throw new RunBudgetExceededException(RunBudgetExceededException.Budget.REAL_TIME,
                    realTimeLimit.toSeconds() + " s", steps, Duration.ofNanos(now));
        }
    }

    /** Whether a wake-up from a thread not in control is queued and not yet taken. */
    boolean foreignPending() {
        return foreign.pending();
    }

    boolean awaitForeign(long nanos) throws InterruptedException {
        return foreign.await(nanos);
    }

    /** How many simulated threads wait in the runtime's own park (the rest of the idle ones wait elsewhere). */
    int parkedInRuntime() {
        return backend.parkedInRuntime();
    }

    ThreadBackend threads() {
        return backend;
    }

    // ---- the end ----------------------------------------------------------------------------------

    /** Lets every thread that is ready (the processes the node just killed) unwind, then drops all timers. */
    public void close() {
        if (closed) {
            return;
        }
        if (!driving) {
            controller = Thread.currentThread();
        }
        try {
            takeForeign();
            for (int unwound = 0; !ready.isEmpty(); unwound++) {
                if (unwound == UNWIND_STEPS) {
                    throw new IllegalStateException("the node's processes were killed, but after " + UNWIND_STEPS
                            + " steps threads were still ready to run: one of them refuses to end (a loop that catches"
                            + " everything?)");
                }
                step();
                takeForeign();
            }
        } finally {
            closed = true;
            timers.clear();
            ready.clear();
            foreign.clear();
        }
    }

    public SimulationReport report() {
        return new SimulationReport(seed, backend.kind(), steps, Duration.ofNanos(now),
                deadlocks == null ? List.of() : deadlocks.found(), foreign.causes());
    }

    public List<String> stepLog() {
        return log == null ? List.of() : log.entries();
    }
}
