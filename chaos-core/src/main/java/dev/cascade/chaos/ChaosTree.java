package dev.cascade.chaos;

import dev.cascade.agent.UserCode;
import dev.cascade.chaos.internal.Binding;
import dev.cascade.chaos.internal.LiveTree;
import dev.cascade.chaos.internal.TreeCalls;
import dev.cascade.chaos.internal.TreeFaults;
import dev.cascade.chaos.internal.TreeOwner;
import dev.cascade.chaos.internal.TreeShape;
import dev.cascade.chaos.internal.TreeTargets;
import dev.cascade.chaos.internal.Waits;
import dev.cascade.genserver.StartResult;
import dev.cascade.runtime.Node;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.RuntimeListener;
import dev.cascade.runtime.Scheduler;
import dev.cascade.runtime.Tracing;
import dev.cascade.runtime.internal.ProcessCell;
import dev.cascade.supervisor.SupervisorSpec;
import dev.cascade.trace.Trace;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
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
public final class ChaosTree extends TreeTalk implements AutoCloseable {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]+");

    private final String root;
    private final LiveTree live;
    private final TreeFaults faults;
    private final TreeTargets targets;
    private TreeCalls calls;
    private Trace last;
    private boolean closed;

    private ChaosTree(String root, LiveTree live) {
        this.root = root;
        this.live = live;
        this.faults = new TreeFaults(live);
        this.targets = new TreeTargets(live.engine().shape(), live.engine().kernel());
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
            ChaosTree tree = new ChaosTree(root, LiveTree.start(root, spec, scheduler, listener, tracing, code));
            if (!plan.faults().isEmpty()) {
                try {
                    tree.faults.plan(plan);
                } catch (RuntimeException failed) { // e.g. a method fault's class could not be woven
                    tree.live.discard();
                    throw failed;
                }
            }
            return tree;
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
        open();
        faults.inject(fault);
    }

    /**
     * Applies {@code plan} from now: each fault fires at its time after this call, in plan order,
     * as the tree's time runs. Returns at once.
     *
     * @throws FaultPlanException if any fault cannot apply to this tree (none is planned)
     */
    public void apply(FaultPlan plan) {
        open();
        faults.apply(plan);
    }

    /**
     * Plans {@code plan} from now as a plan given to the builder is: each fault is bound to the tree's
     * paths (its dynamic supervisors' children's included), and one that finds no live target when it
     * fires is skipped, a flood too, instead of being refused now as {@link #apply} refuses it.
     *
     * @throws FaultPlanException if a fault cannot apply to the tree's paths (none is planned)
     */
    public void schedule(FaultPlan plan) {
        open();
        faults.schedule(plan);
    }

    /**
     * Ends the faults: every fault still armed is disarmed, and each that never happened is marked
     * skipped (in the ledger and the trace) with why; the tree runs on without faults. Returns the
     * final ledger. {@link #close} does this first if it was not done; afterwards no fault can be
     * injected or applied.
     */
    public FaultLedger endFaults() {
        open();
        return faults.end();
    }

    // ---- time -------------------------------------------------------------------------------

    /** Lets {@code duration} of the tree's time pass: virtual time when simulated, real time otherwise. */
    public void runFor(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        open();
        Waits.runFor(live, duration);
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
    public Duration runUntil(String condition, Predicate<ChaosTree> holds, Duration maxVirtualTime) {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(holds, "holds");
        open();
        return Waits.runUntil(live, condition, () -> holds.test(this), maxVirtualTime);
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
        Waits.runUntil(live, at);
    }

    /** Time since the tree started, on its scheduler's clock. */
    public Duration sinceStart() {
        return live.sinceStart();
    }

    // ---- what happened --------------------------------------------------------------------

    /** Whether the root started; false only for a tree from {@link Builder#tryStart()} whose root failed or was ignored. */
    public boolean started() {
        return live.started();
    }

    /** How the root's start ended: started (with its pid), ignored, or failed (with the reason). */
    public StartResult rootStart() {
        return live.rootStart();
    }

    /**
     * Fault time zero on the tree's scheduler clock, in nanoseconds: the moment the root's start
     * returned, from which {@link #sinceStart()}, plans and the ledger's times count. Trace events
     * carry times on the same clock.
     */
    public long startNanos() {
        return live.zero();
    }

    /**
     * The trace so far (or, once closed, of the whole run), seen from the tree: its queries leave out
     * events that concern only processes outside it, such as the test's own callers exiting
     * ({@link Trace#inTree()}); {@code trace().everything()} shows those too.
     *
     * @throws IllegalStateException if the tree was started with {@link Tracing#OFF} ({@link #traced()} tells)
     */
    public Trace trace() {
        if (!live.traced()) {
            throw new IllegalStateException("this chaos tree does not trace; build it with tracing(Tracing.ON) (the default)");
        }
        return (closed ? last : live.node().trace()).inTree(); // the test's own processes one call away: everything()
    }

    /** Whether the tree records a trace (built with {@link Tracing#ON}, the default); if not, {@link #trace()} throws. */
    public boolean traced() {
        return live.traced();
    }

    /** The fault ledger so far; once closed, faults that never happened are marked skipped. */
    public FaultLedger ledger() {
        return live.engine().ledger();
    }

    /**
     * The process holding {@code path} now, if one is alive.
     *
     * @throws IllegalArgumentException if the tree has no such path (the message lists its paths)
     */
    public Optional<Pid> whereis(String path) {
        ProcessCell cell = live.engine().kernel().tree().live(targets.path("whereis(\"" + path + "\")", path));
        return cell == null ? Optional.empty() : Optional.of(cell.self());
    }

    /**
     * How many incarnations {@code path} has had (successful starts).
     *
     * @throws IllegalArgumentException if the tree has no such path (the message lists its paths)
     */
    public int incarnations(String path) {
        return live.engine().kernel().tree().incarnations(targets.path("incarnations(\"" + path + "\")", path));
    }

    /** The root's id: the first segment of every path. */
    public String root() {
        return root;
    }

    /** The node the tree runs on, for driving it further ({@code node.run}). */
    public Node node() {
        return live.node();
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
            faults.end();
            TreeOwner.stop(live.node(), live.owner());
            last = live.traced() ? live.node().trace() : null;
        } finally {
            closed = true;
            try {
                live.node().close();
            } finally {
                live.agent().close(); // puts woven user classes back; throws if one could not be woven meanwhile
            }
        }
    }

    @Override
    TreeCalls calls() {
        open();
        if (calls == null) {
            calls = new TreeCalls(live.node(), live.engine().kernel(), targets);
        }
        return calls;
    }

    private void open() {
        if (closed) {
            throw new IllegalStateException("this chaos tree is closed");
        }
    }
}
