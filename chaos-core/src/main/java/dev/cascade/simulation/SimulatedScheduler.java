package dev.cascade.simulation;

import dev.cascade.runtime.Scheduler;
import dev.cascade.runtime.internal.Kernel;
import dev.cascade.runtime.internal.NodeBound;
import dev.cascade.simulation.internal.BackendSelection;
import dev.cascade.simulation.internal.Driver;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * A deterministic scheduler on virtual time: one thread of control, a seeded choice of which ready
 * process runs next, and a clock that jumps to the next timer when nothing can run. The same seed
 * replays the same run, event for event; a 30-second call timeout costs no wall time.
 *
 * <pre>{@code
 * SimulatedScheduler sim = SimulatedScheduler.withSeed(42);
 * try (Node node = Node.start(sim, RuntimeListener.NONE)) {
 *     Pid sup = node.run(ctx -> Supervisor.start(ctx, spec).pid()); // drives the simulation until it returns
 *     node.exit(sup, ExitReason.KILL);
 *     sim.runUntilQuiet();                                        // until nothing more can happen
 * }
 * System.out.println(sim.report().summary());                     // seed, backend, steps, reproducible?
 * }</pre>
 *
 * <p>The simulation is driven by the thread that calls {@link dev.cascade.runtime.Node#run},
 * {@link #runUntilQuiet()} or {@link #runFor}; between those calls nothing runs. One simulation
 * drives one node.
 */
public final class SimulatedScheduler implements Scheduler, NodeBound {
    /** The horizon of {@link #runUntilQuiet()}: timers due within an hour of virtual time still fire. */
    public static final Duration DEFAULT_HORIZON = Duration.ofHours(1);

    private final Driver driver;
    private final long seed;

    private SimulatedScheduler(Builder builder) {
        this.seed = builder.seed;
        Backend backend = BackendSelection.resolve(builder.backend);
        this.driver = new Driver(builder.seed, backend, builder.deadlockPolicy, builder.deadlockListener,
                builder.realTimeLimit, builder.maxSteps, builder.recordSteps);
    }

    /** A simulation with {@code seed} and the defaults: the best backend available, deadlocks reported and run through. */
    public static SimulatedScheduler withSeed(long seed) {
        return builder().seed(seed).build();
    }

    /** A builder, for a chosen backend, deadlock policy or step log. */
    public static Builder builder() {
        return new Builder();
    }

    /** The seed this run replays from. */
    public long seed() {
        return seed;
    }

    /** The backend that runs this simulation. */
    public Backend backend() {
        return driver.backend();
    }

    @Override
    public String description() {
        return "simulated (seed " + seed + ", " + driver.backend().description() + ")";
    }

    /**
     * Runs until nothing can run and no timer is due within {@link #DEFAULT_HORIZON} of virtual time.
     *
     * @throws DeadlockException if a deadlock is found and the policy is {@link DeadlockPolicy#STOP}
     */
    public Quiescence runUntilQuiet() {
        return runUntilQuiet(DEFAULT_HORIZON);
    }

    /** Runs until nothing can run and no timer is due within {@code horizon} of virtual time from now. */
    public Quiescence runUntilQuiet(Duration horizon) {
        return driver.runUntilQuiet(positive(horizon, "horizon"));
    }

    /**
     * Runs until {@code holds} is true, checking it each time the simulation settles at an instant
     * (nothing can run before the clock moves to the next timer). Returns false, at once, when it is
     * still false and no timer is due within {@code horizon}; the clock stays where it stopped.
     */
    public boolean runUntil(java.util.function.BooleanSupplier holds, Duration horizon) {
        Objects.requireNonNull(holds, "holds");
        return driver.runUntil(holds, positive(horizon, "horizon"));
    }

    /** Runs everything due within {@code span} of virtual time; the clock then reads now + span. */
    public Quiescence runFor(Duration span) {
        return driver.runFor(positive(span, "span"));
    }

    /** The virtual time: how far the clock has moved since the simulation began. */
    public Duration now() {
        return Duration.ofNanos(driver.nanoTime());
    }

    /** What the run did so far: steps, virtual time, deadlocks, and whether it is reproducible. */
    public SimulationReport report() {
        return driver.report();
    }

    /** The deadlocks found so far. */
    public List<Deadlock> deadlocks() {
        return report().deadlocks();
    }

    /** Every scheduling step so far ({@code "<virtual nanos> <thread>"}); empty unless built with {@link Builder#recordSteps}. */
    public List<String> stepLog() {
        return driver.stepLog();
    }

    // ---- Scheduler SPI ------------------------------------------------------------------------------

    @Override
    public void startThread(String name, Runnable body) {
        driver.startThread(name, body);
    }

    @Override
    public long nanoTime() {
        return driver.nanoTime();
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable action) {
        return driver.schedule(delay, action);
    }

    @Override
    public void park() {
        driver.park();
    }

    @Override
    public void unpark(Thread thread) {
        driver.unpark(thread);
    }

    /**
     * True on the executor backend: one thread runs at a time and foreign wake-ups are only queued.
     * The baton backend lets a thread blocked outside the runtime go on beside the baton holder, so
     * it keeps the runtime's locks.
     */
    @Override
    public boolean oneThreadOfControl() {
        return driver.backend() == Backend.EXECUTOR;
    }

    /** Drives the simulation until {@code result} is complete. */
    @Override
    public <T> T await(CompletableFuture<T> result, Duration limit) throws ExecutionException, InterruptedException {
        if (!driver.runUntil(result::isDone)) {
            throw new IllegalStateException("the process can never finish: nothing in the simulation can run and no timer"
                    + " is set (virtual time " + now().toMillis() + " ms); it waits for a message nobody will send");
        }
        return result.get();
    }

    /** Internal: called by the node this simulation drives. */
    @Override
    public void bind(Kernel kernel) {
        driver.bind(kernel);
    }

    /** Internal: called by the node before it is acted on from outside its processes. */
    @Override
    public void fromOutside(String action) {
        driver.fromOutside(action);
    }

    /** Lets the processes the node killed unwind, then drops every timer; the simulation cannot be driven again. */
    @Override
    public void close() {
        driver.close();
    }

    private static Duration positive(Duration span, String what) {
        Objects.requireNonNull(span, what);
        if (span.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative, got " + span);
        }
        return span;
    }

    /** Builds a {@link SimulatedScheduler}. */
    public static final class Builder {
        private long seed;
        private Backend backend;
        private DeadlockPolicy deadlockPolicy = DeadlockPolicy.REPORT_AND_CONTINUE;
        private Consumer<Deadlock> deadlockListener = deadlock -> { };
        private Duration realTimeLimit = Duration.ofSeconds(60);
        private boolean recordSteps;
        private long maxSteps = Long.MAX_VALUE;

        private Builder() {}

        /** The seed that decides every choice of which ready process runs next (default 0). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Insists on a backend. By default the executor backend is used where
         * {@code --add-opens=java.base/java.lang=ALL-UNNAMED} is given, baton passing elsewhere.
         *
         * @throws IllegalStateException at {@link #build} if {@link Backend#EXECUTOR} is asked for without the flag
         */
        public Builder backend(Backend backend) {
            this.backend = Objects.requireNonNull(backend, "backend");
            return this;
        }

        /** What to do after a deadlock is reported (default: report it and let the timeouts fire). */
        public Builder onDeadlock(DeadlockPolicy policy) {
            this.deadlockPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Told of every deadlock the moment it is found, on the driving thread. */
        public Builder deadlockListener(Consumer<Deadlock> listener) {
            this.deadlockListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * How long a driving call may take in real time before it gives up with
         * {@link RunBudgetExceededException} (default 60 s). On the
         * executor backend it is checked between steps, so a process that loops without ever waiting
         * holds the only thread and cannot be stopped; the baton backend checks during a step too.
         */
        public Builder realTimeLimit(Duration limit) {
            this.realTimeLimit = positive(Objects.requireNonNull(limit, "limit"), "realTimeLimit");
            return this;
        }

        /**
         * The step budget: a driving call that would take a step beyond {@code steps} in all throws
         * {@link RunBudgetExceededException} instead (default: no limit). Unlike the real-time limit it
         * stops every run from the same seed at the same place.
         */
        public Builder maxSteps(long steps) {
            if (steps < 1) {
                throw new IllegalArgumentException("maxSteps must be at least 1 but was: " + steps);
            }
            this.maxSteps = steps;
            return this;
        }

        /** Keeps every scheduling step in {@link #stepLog()}, for comparing two runs. */
        public Builder recordSteps(boolean record) {
            this.recordSteps = record;
            return this;
        }

        public SimulatedScheduler build() {
            return new SimulatedScheduler(this);
        }
    }
}
