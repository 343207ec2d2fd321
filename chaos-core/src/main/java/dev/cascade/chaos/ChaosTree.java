package dev.cascade.chaos;

import dev.cascade.agent.UserCode;
import dev.cascade.chaos.internal.Binding;
import dev.cascade.chaos.internal.Engine;
import dev.cascade.chaos.internal.TreeAgent;
import dev.cascade.chaos.internal.TreeCalls;
import dev.cascade.chaos.internal.TreeOwner;
import dev.cascade.chaos.internal.TreeShape;
import dev.cascade.chaos.internal.TreeTargets;
import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.StartResult;
import dev.cascade.runtime.Node;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.RuntimeListener;
import dev.cascade.runtime.Scheduler;
import dev.cascade.runtime.ServerRef;
import dev.cascade.runtime.Timeout;
import dev.cascade.runtime.Tracing;
import dev.cascade.runtime.internal.Kernel;
import dev.cascade.runtime.internal.ProcessCell;
import dev.cascade.simulation.SimulatedScheduler;
import dev.cascade.supervisor.SupervisorSpec;
import dev.cascade.trace.Trace;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A supervision tree running on its own node, to break on purpose: inject a fault now, apply a timed
 * {@link FaultPlan}, let time pass, then read the {@link Trace} and the {@link FaultLedger}.
 * Simulated (seed 0) and traced by default.
 *
 * <pre>{@code
 * try (ChaosTree tree = ChaosTree.start(payments)) {            // the root's path is "root"
 *     tree.inject(Fault.breachIntensity("root/gateway"));
 *     tree.runFor(Duration.ofSeconds(1));
 *     Trace trace = tree.trace();
 *     trace.events(TraceEvent.SupervisorGaveUp.class);           // root gave up
 *     tree.ledger().entry(1).hits();                             // the 4 failures, with incarnations
 * }
 * }</pre>
 *
 * <p>Every fault is checked against the tree before anything runs ({@link FaultPlanException}).
 * Between calls nothing runs on a simulated tree; {@link #runFor} moves its clock. On the real
 * scheduler the tree runs all along and {@link #runFor} waits in real time.
 */
public final class ChaosTree implements AutoCloseable {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]+");

    /** Why a fault of a tree whose root did not start never happened. */
    static final String NOT_STARTED = "the tree did not start; no fault is applied";

    private final Node node;
    private final String root;
    private final Pid owner;
    private final Engine engine;
    private final TreeAgent agent;
    private final long zero;
    private final StartResult rootStart;
    private Trace last;
    private boolean faultsEnded;
    private boolean closed;

    private ChaosTree(Node node, String root, Pid owner, Engine engine, TreeAgent agent, long zero, StartResult rootStart) {
        this.node = node;
        this.agent = agent;
        this.root = root;
        this.owner = owner;
        this.engine = engine;
        this.zero = zero;
        this.rootStart = rootStart;
    }

    /** Starts {@code spec} as the root ("root"), simulated with seed 0, traced. */
    public static ChaosTree start(SupervisorSpec spec) {
        return builder(spec).start();
    }

    public static Builder builder(SupervisorSpec spec) {
        return new Builder(spec);
    }

    /** Options of a chaos tree; {@link #start} starts it. */
    public static final class Builder {
        private final SupervisorSpec spec;
        private String root = "root";
        private Scheduler scheduler;
        private Tracing tracing = Tracing.ON;
        private RuntimeListener listener = RuntimeListener.NONE;
        private UserCode code = UserCode.nothing();
        private FaultPlan plan = FaultPlan.empty();
        private String boundTo;

        private Builder(SupervisorSpec spec) {
            this.spec = Objects.requireNonNull(spec, "spec");
        }

        /** The root's id, the first segment of every path (default {@code root}). */
        public Builder root(String id) {
            Objects.requireNonNull(id, "root");
            if (!ID.matcher(id).matches()) {
                throw new IllegalArgumentException("the root id must match [A-Za-z0-9_.-]+ but was \"" + id + "\"");
            }
            this.root = id;
            return this;
        }

        /** The scheduler (default: simulated, seed 0); the tree owns it and closes it. */
        public Builder scheduler(Scheduler scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /** Whether to record a trace (default on). */
        public Builder tracing(Tracing tracing) {
            this.tracing = Objects.requireNonNull(tracing, "tracing");
            return this;
        }

        /** A listener for the node's lifecycle events: a low-level hook; the run's record is its {@link #tracing trace}. */
        public Builder listener(RuntimeListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * User code to weave while the tree lives (its calls traced, its clock virtual): see
         * {@link dev.cascade.agent.CascadeAgent}. Methods a fault targets are woven without being named here.
         */
        public Builder instrument(UserCode code) {
            this.code = Objects.requireNonNull(code, "code");
            return this;
        }

        /**
         * A plan to apply from the moment the root's start returned (fault time zero), as
         * {@link ChaosTree#apply} would then; it is bound to the tree's shape before anything starts.
         * Each fault hits whichever process holds its path when it fires (a flood with no live
         * receiver then is skipped). If the root does not start, no fault happens: each is skipped.
         *
         * <pre>{@code
         * try (ChaosTree tree = ChaosTree.builder(spec).plan(plan).start()) {
         *     tree.runUntil(plan.span().plus(Duration.ofMillis(500)));
         * }
         * }</pre>
         *
         * @throws FaultPlanException if a fault cannot apply to the tree's shape
         */
        public Builder plan(FaultPlan plan) {
            Objects.requireNonNull(plan, "plan");
            bind(plan);
            this.plan = plan;
            return this;
        }

        private void bind(FaultPlan plan) {
            Binding binding = new Binding(new TreeShape(root, spec), Binding.Vocabulary.JAVA);
            plan.faults().forEach(timed -> binding.check(timed.fault()));
            boundTo = root;
        }

        /**
         * Starts the tree and returns once its root's start returned.
         *
         * @throws IllegalStateException if the root failed to start (the reason is in the message)
         */
        public ChaosTree start() {
            ChaosTree tree = tryStart();
            if (!tree.started()) {
                tree.close();
                throw new IllegalStateException("the tree's root " + root + " did not start: " + tree.rootStart());
            }
            return tree;
        }

        /**
         * Starts the tree as {@link #start} does, but a root that fails to start (or is ignored) is a
         * result, not an exception: the tree is returned, once every process of it has ended, with
         * {@link ChaosTree#started()} false; its trace holds the start-up and how it failed (down to
         * the exits of descendants of a supervisor killed in the clean-up), and the faults of its {@linkplain #plan plan}
         * (or applied later) never happen: {@link ChaosTree#endFaults} marks them skipped.
         */
        public ChaosTree tryStart() {
            if (!plan.faults().isEmpty() && !root.equals(boundTo)) {
                bind(plan); // root() changed after plan(): the paths are bound again, a plan never runs unbound
            }
            TreeAgent agent = new TreeAgent(code);
            Node node;
            try {
                node = Node.start(scheduler == null ? SimulatedScheduler.withSeed(0) : scheduler, listener, tracing);
            } catch (RuntimeException failed) {
                agent.close();
                throw failed;
            }
            TreeShape shape = new TreeShape(root, spec);
            try {
                TreeOwner.Started started = TreeOwner.start(node, root, spec);
                Kernel kernel = started.kernel();
                long zero = kernel.scheduler().nanoTime();
                ChaosTree tree = new ChaosTree(node, root, started.owner(), new Engine(kernel, shape, zero), agent, zero,
                        started.result());
                if (!plan.faults().isEmpty()) {
                    tree.schedule(plan);
                }
                return tree;
            } catch (RuntimeException failed) {
                node.close();
                agent.close();
                throw failed;
            }
        }
    }

    // ---- faults ---------------------------------------------------------------------------

    /**
     * Fires {@code fault} now and returns once it was applied (the signal sent, the rule armed);
     * what it causes happens as time runs ({@link #runFor}).
     *
     * @throws FaultPlanException if it cannot apply to this tree (nothing is done)
     */
    public void inject(Fault fault) {
        Objects.requireNonNull(fault, "fault");
        open();
        if (!started()) {
            schedule(FaultPlan.now(fault));
            return;
        }
        faultsOpen();
        engine.check(fault);
        agent.cover(List.of(fault));
        int number = engine.plan(sinceStart(), fault);
        node.run(ctx -> {
            engine.fire(ctx, number, fault);
            return null;
        });
    }

    /**
     * Applies {@code plan} from now: each fault fires at its time after this call, in plan order,
     * as the tree's time runs. Returns at once.
     *
     * @throws FaultPlanException if any fault cannot apply to this tree (none is planned)
     */
    public void apply(FaultPlan plan) {
        Objects.requireNonNull(plan, "plan");
        open();
        if (started()) {
            engine.check(plan);
        }
        schedule(plan);
    }

    /** Plans {@code plan} from now and fires it on time; on a tree that did not start, it only plans it (to be skipped). */
    private void schedule(FaultPlan plan) {
        open();
        faultsOpen();
        Duration now = sinceStart();
        List<Integer> numbers = new ArrayList<>();
        for (FaultPlan.Timed timed : plan.faults()) {
            numbers.add(engine.plan(now.plus(timed.at()), timed.fault()));
        }
        if (started()) {
            agent.cover(plan.faults().stream().map(FaultPlan.Timed::fault).toList());
            long start = node.scheduler().nanoTime();
            node.spawn(ctx -> engine.run(ctx, plan, numbers, start));
        }
    }

    /** Lets {@code duration} of the tree's time pass: virtual time when simulated, real time otherwise. */
    public void runFor(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("runFor needs a duration >= 0 but got " + duration);
        }
        open();
        node.run(ctx -> {
            ctx.sleep(duration);
            return null;
        }, duration.plus(Node.RUN_LIMIT));
    }

    /**
     * Runs the simulated tree until {@code holds} is true, checking it each time the tree settles at an
     * instant of virtual time (everything runnable has run, before the clock moves to the next timer),
     * for at most {@code maxVirtualTime}. Returns the virtual time it took.
     *
     * <pre>{@code
     * tree.inject(Fault.kill("root/cache"));
     * tree.runUntil("root/cache is back", t -> t.incarnations("root/cache") == 2, Duration.ofSeconds(5));
     * }</pre>
     *
     * @param condition what {@code holds} checks, in words, for the failure message
     * @throws AssertionError at once when {@code holds} is false and nothing more is due within
     *     {@code maxVirtualTime}: the message has the condition, the time, the seed and the trace's last events
     * @throws IllegalStateException on the real scheduler, where waiting is Awaitility's job
     */
    public Duration runUntil(String condition, java.util.function.Predicate<ChaosTree> holds, Duration maxVirtualTime) {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(holds, "holds");
        open();
        if (!(node.scheduler() instanceof SimulatedScheduler sim)) {
            throw new IllegalStateException("runUntil(\"" + condition + "\") needs a simulated tree; this one runs on "
                    + node.scheduler().description() + ": wait with Awaitility instead (await().untilAsserted(...))");
        }
        Duration start = sim.now();
        if (sim.runUntil(() -> holds.test(this), maxVirtualTime)) {
            return sim.now().minus(start);
        }
        StringBuilder tail = new StringBuilder();
        if (engine.kernel().tracer() != null) {
            List<dev.cascade.trace.TraceEvent> events = node.trace().events();
            for (dev.cascade.trace.TraceEvent event : events.subList(Math.max(0, events.size() - 10), events.size())) {
                tail.append(String.format(java.util.Locale.ROOT, "%n  #%d at %d ms: %s", event.id(),
                        Duration.ofNanos(event.atNanos() - zero).toMillis(), event.describe()));
            }
        }
        throw new AssertionError("Expecting " + condition + " within " + maxVirtualTime.toMillis() + " ms of virtual time\n"
                + "but the tree went quiet at " + sinceStart().toMillis() + " ms with it still false (nothing can run and no "
                + "timer is due before " + start.plus(maxVirtualTime).minus(Duration.ofNanos(zero)).toMillis()
                + " ms); seed=" + sim.seed() + (tail.isEmpty() ? "" : "\nlast events:" + tail));
    }

    /**
     * Lets the tree's time run until {@link #sinceStart()} reaches {@code at} (at once if it already
     * has): virtual time when simulated, real time otherwise.
     *
     * <pre>{@code
     * tree.runUntil(plan.span().plus(Duration.ofMillis(500)));   // the last fault, then 500 ms to settle
     * }</pre>
     */
    public void runUntil(Duration at) {
        Objects.requireNonNull(at, "at");
        open();
        Duration remaining = at.minus(sinceStart());
        if (remaining.isPositive()) {
            runFor(remaining);
        }
    }

    /**
     * Ends the faults: every fault still armed is disarmed, and each that never happened is marked
     * skipped (in the ledger and the trace) with why; the tree runs on without faults. Returns the
     * final ledger. {@link #close} does this first if it was not done; afterwards no fault can be
     * injected or applied.
     */
    public FaultLedger endFaults() {
        open();
        if (!faultsEnded) {
            faultsEnded = true;
            engine.finish(started() ? Engine.RUN_ENDED : NOT_STARTED);
        }
        return engine.ledger();
    }

    // ---- what happened --------------------------------------------------------------------

    /** Whether the root started; false only for a tree from {@link Builder#tryStart()} whose root failed or was ignored. */
    public boolean started() {
        return rootStart instanceof StartResult.Started;
    }

    /** How the root's start ended: started (with its pid), ignored, or failed (with the reason). */
    public StartResult rootStart() {
        return rootStart;
    }

    /**
     * Fault time zero on the tree's scheduler clock, in nanoseconds: the moment the root's start
     * returned, from which {@link #sinceStart()}, plans and the ledger's times count. Trace events
     * carry times on the same clock.
     */
    public long startNanos() {
        return zero;
    }

    /**
     * The trace so far (or, once closed, of the whole run), seen from the tree: its queries leave out
     * events that concern only processes outside it, such as the test's own callers exiting
     * ({@link Trace#inTree()}); {@code trace().everything()} shows those too.
     *
     * @throws IllegalStateException if the tree was started with {@link Tracing#OFF}
     */
    public Trace trace() {
        if (engine.kernel().tracer() == null) {
            throw new IllegalStateException("this chaos tree does not trace; build it with tracing(Tracing.ON) (the default)");
        }
        return (closed ? last : node.trace()).inTree(); // the test's own processes one call away: everything()
    }

    /** The fault ledger so far; once closed, faults that never happened are marked skipped. */
    public FaultLedger ledger() {
        return engine.ledger();
    }

    /**
     * The process holding {@code path} now, if one is alive.
     *
     * @throws IllegalArgumentException if the tree has no such path (the message lists its paths)
     */
    public Optional<Pid> whereis(String path) {
        ProcessCell cell = engine.kernel().tree().live(targets().path("whereis(\"" + path + "\")", path));
        return cell == null ? Optional.empty() : Optional.of(cell.self());
    }

    /**
     * How many incarnations {@code path} has had (successful starts).
     *
     * @throws IllegalArgumentException if the tree has no such path (the message lists its paths)
     */
    public int incarnations(String path) {
        return engine.kernel().tree().incarnations(targets().path("incarnations(\"" + path + "\")", path));
    }

    // ---- talking to the tree: thin delegates to TreeCalls ---------------------------------

    /**
     * Calls the process at {@code path} from outside the tree, as {@code GenServer.call} with its
     * default 5 s timeout would, and returns how it ended: the reply, or why there was none. On a
     * simulated tree this drives the simulation until the call ends (a timeout costs no wall time).
     *
     * <pre>{@code
     * Object balance = tree.call("root/sessions/alice", "balance").orElseThrow();
     * }</pre>
     *
     * @throws IllegalArgumentException if the tree has no such path (the message lists its paths);
     *         a path whose process is dead now gives {@link CallOutcome.NoProc}
     */
    public CallOutcome call(String path, Object request) {
        return call(path, request, GenServer.DEFAULT_CALL_TIMEOUT);
    }

    /** As {@link #call(String, Object)}, waiting up to {@code timeout}. */
    public CallOutcome call(String path, Object request, Timeout timeout) {
        open();
        return calls().call(Objects.requireNonNull(path, "path"), request, Objects.requireNonNull(timeout, "timeout"));
    }

    /**
     * Calls a server by pid, local name or registry key ({@code ServerRef.via("sessions", "alice")}).
     *
     * @throws IllegalArgumentException for a registry that is not running, a key never registered in
     *         it, or a local name not registered now (each message lists what exists); a key whose
     *         holder is dead now gives {@link CallOutcome.NoProc}
     */
    public CallOutcome call(ServerRef server, Object request) {
        return call(server, request, GenServer.DEFAULT_CALL_TIMEOUT);
    }

    /** As {@link #call(ServerRef, Object)}, waiting up to {@code timeout}. */
    public CallOutcome call(ServerRef server, Object request, Timeout timeout) {
        open();
        return calls().call(Objects.requireNonNull(server, "server"), request, Objects.requireNonNull(timeout, "timeout"));
    }

    /**
     * Casts {@code message} to the process at {@code path}; returns once it was sent. With no live
     * process there it is dropped, as a cast to a dead process is (G23).
     *
     * @throws IllegalArgumentException if the tree has no such path
     */
    public void cast(String path, Object message) {
        open();
        calls().cast(Objects.requireNonNull(path, "path"), message);
    }

    /** Casts to a server by pid, local name or registry key; refused as {@link #call(ServerRef, Object)} is. */
    public void cast(ServerRef server, Object message) {
        open();
        calls().cast(Objects.requireNonNull(server, "server"), message);
    }

    /** Sends a plain message (its {@code handleInfo}) to the process at {@code path}; dropped if none is alive. */
    public void send(String path, Object message) {
        open();
        calls().send(Objects.requireNonNull(path, "path"), message);
    }

    /** Sends a plain message to a server by pid, local name or registry key; refused as {@link #call(ServerRef, Object)} is. */
    public void send(ServerRef server, Object message) {
        open();
        calls().send(Objects.requireNonNull(server, "server"), message);
    }

    private TreeCalls calls;

    private TreeTargets targets() {
        return new TreeTargets(engine.shape(), engine.kernel());
    }

    private TreeCalls calls() {
        if (calls == null) {
            calls = new TreeCalls(node, engine.kernel(), targets());
        }
        return calls;
    }

    /** The root's id: the first segment of every path. */
    public String root() {
        return root;
    }

    /** The node the tree runs on, for driving it further ({@code node.run}). */
    public Node node() {
        return node;
    }

    /** Time since the tree started, on its scheduler's clock. */
    public Duration sinceStart() {
        return Duration.ofNanos(node.scheduler().nanoTime() - zero);
    }

    /**
     * Ends the faults ({@link #endFaults}) if that was not done, stops the tree (as its parent would:
     * shutdown), keeps the final trace, and closes the node.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            endFaults();
            TreeOwner.stop(node, owner);
            last = engine.kernel().tracer() == null ? null : node.trace();
        } finally {
            closed = true;
            try {
                node.close();
            } finally {
                agent.close(); // puts woven user classes back; throws if one could not be woven meanwhile
            }
        }
    }

    private void open() {
        if (closed) {
            throw new IllegalStateException("this chaos tree is closed");
        }
    }

    private void faultsOpen() {
        if (faultsEnded) {
            throw new IllegalStateException("this chaos tree's faults were ended (endFaults); no fault can be added");
        }
    }
}
