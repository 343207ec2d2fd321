package dev.cascade.junit;

import dev.cascade.agent.CascadeAgent;
import dev.cascade.agent.Instrumented;
import dev.cascade.agent.UserCode;
import dev.cascade.chaos.ChaosTree;
import dev.cascade.runtime.Node;
import dev.cascade.runtime.RuntimeListener;
import dev.cascade.runtime.Scheduler;
import dev.cascade.runtime.Tracing;
import dev.cascade.simulation.SimulatedScheduler;
import dev.cascade.spec.Verdict;
import dev.cascade.supervisor.SupervisorSpec;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Everything one test started through the extension, in the order it started, and its settings. Kept in
 * the test's {@code Store}; closing it closes what the test started in reverse order.
 */
final class TestRun implements AutoCloseable {
    private static final InheritableThreadLocal<TestRun> CURRENT = new InheritableThreadLocal<>();

    /** A tree the test started: its name (the {@code @Tree}'s, or {@code context-1}, …), its spec and its scheduler. */
    record Started(String name, ChaosTree tree, SupervisorSpec spec, Scheduler scheduler) {}

    final ExtensionContext context;
    final Seeds seed;
    final CascadeTest.Mode mode;
    final CascadeTest.UnfiredFaults unfired;
    final CascadeTest.Leftovers leftovers;
    final TestId id;
    private final Map<String, ChaosTree> named = new LinkedHashMap<>();
    private final List<Started> trees = new ArrayList<>();
    private final List<Node> nodes = new ArrayList<>();
    private final List<Instrumented> sessions = new ArrayList<>();
    private final List<SimulatedScheduler> simulations = new ArrayList<>();
    private final Deque<AutoCloseable> open = new ArrayDeque<>();
    private final List<String> leaks = new ArrayList<>();
    private final List<Throwable> closeFailures = new ArrayList<>();
    private final List<Verdict> verdicts = new java.util.concurrent.CopyOnWriteArrayList<>();
    private TreeMembers members;
    private boolean closed;
    /** Once closed: each tree's trace read once, for the failure, the files and the record. */
    private final Once<List<TreeSeen>> seenClosed = new Once<>(this::readSeen);
    /** Once closed: the last crash worked out once. */
    private final Once<Optional<Failures.LastCrash>> lastCrashClosed = new Once<>(() -> Failures.lastCrash(seen()));
    private boolean toldNotReproducible;

    TestRun(ExtensionContext context, Seeds seed, CascadeTest.Mode mode, CascadeTest.UnfiredFaults unfired,
            CascadeTest.Leftovers leftovers) {
        this.context = context;
        this.seed = seed;
        this.mode = mode;
        this.unfired = unfired;
        this.leftovers = leftovers;
        this.id = TestId.of(context);
    }

    /** The run of the test executing on this thread (or a thread it started), if it is a {@link CascadeTest}. */
    static Optional<TestRun> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Notes that the test's own failure already says its simulation was not reproducible. */
    void tellNotReproducible() {
        toldNotReproducible = true;
    }

    /** Whether the test's own failure already says its simulation was not reproducible (so the check need not again). */
    boolean toldNotReproducible() {
        return toldNotReproducible;
    }

    /** A specification's verdict that the test asserted on, for its result record. */
    void checked(Verdict verdict) {
        verdicts.add(verdict);
    }

    /** The verdicts the test asserted on, in order. */
    List<Verdict> verdicts() {
        return List.copyOf(verdicts);
    }

    void enter() {
        CURRENT.set(this);
    }

    void leave() {
        if (CURRENT.get() == this) {
            CURRENT.remove();
        }
    }

    /** The tree {@code name} declared with {@code @Tree} (empty: the only one), started on first use. */
    ChaosTree tree(String name) {
        if (members == null) {
            members = TreeMembers.of(context.getRequiredTestClass()); // checked per class, once
        }
        String resolved = members.resolve(name);
        ChaosTree tree = named.get(resolved);
        if (tree == null) {
            tree = start(resolved, members.spec(resolved), UnaryOperator.identity());
            named.put(resolved, tree);
        }
        return tree;
    }

    ChaosTree start(String name, SupervisorSpec spec, UnaryOperator<ChaosTree.Builder> options) {
        ensureOpen();
        Scheduler scheduler = newScheduler();
        ChaosTree tree = options.apply(ChaosTree.builder(spec)).scheduler(scheduler).start();
        trees.add(new Started(name, tree, spec, scheduler));
        open.push(tree);
        return tree;
    }

    /** A name for a tree the test starts through {@link CascadeContext}. */
    String nextContextName() {
        return "context-" + (trees.size() + 1);
    }

    Scheduler newScheduler() {
        ensureOpen();
        if (mode == CascadeTest.Mode.REAL) {
            return Scheduler.real();
        }
        SimulatedScheduler simulation = SimulatedScheduler.withSeed(seed.value());
        simulations.add(simulation);
        return simulation;
    }

    Node node() {
        Node node = Node.start(newScheduler(), RuntimeListener.NONE, Tracing.ON);
        nodes.add(node);
        open.push(node);
        return node;
    }

    Instrumented instrument(UserCode code) {
        ensureOpen();
        Instrumented session = CascadeAgent.instrument(code);
        sessions.add(session);
        open.push(session);
        return session;
    }

    List<Started> trees() {
        return List.copyOf(trees);
    }

    /** What each tree did (see {@link TreeSeen}): read now while the test runs; once it is closed, read once and kept. */
    List<TreeSeen> seen() {
        return closed ? seenClosed.get() : readSeen();
    }

    private List<TreeSeen> readSeen() {
        return trees.stream().map(TreeSeen::of).toList();
    }

    /** The last crash or loss of the test's trees, explained (once closed, worked out once). */
    Optional<Failures.LastCrash> lastCrash() {
        return closed ? lastCrashClosed.get() : Failures.lastCrash(seen());
    }

    List<SimulatedScheduler> simulations() {
        return List.copyOf(simulations);
    }

    /** What a real-mode test left behind (reported by {@link #close}); empty until then. */
    List<String> leaks() {
        return List.copyOf(leaks);
    }

    List<Throwable> closeFailures() {
        return List.copyOf(closeFailures);
    }

    boolean isClosed() {
        return closed;
    }

    /**
     * Closes what the test started, newest first. In real mode, notes what it left running (see {@link LeftBehind}):
     * processes on the nodes it started, its trees' nodes included, and agent sessions it did not close.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<LeftBehind> watched = new ArrayList<>();
        List<String> openSessions = new ArrayList<>();
        if (mode == CascadeTest.Mode.REAL) {
            trees.forEach(started -> watched.add(LeftBehind.on(started)));
            nodes.forEach(node -> watched.add(LeftBehind.on(node)));
            for (Instrumented session : sessions) {
                if (session.isOpen()) {
                    openSessions.add("an agent session (methods " + session.code().methods() + ", virtual time in "
                            + session.code().virtualTimePackages() + ") was left open; closed now, its classes put back");
                }
            }
        }
        while (!open.isEmpty()) {
            try {
                open.pop().close();
            } catch (Throwable failed) {
                closeFailures.add(failed);
            }
        }
        watched.forEach(watch -> watch.left().ifPresent(leaks::add));
        leaks.addAll(openSessions);
        leave();
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the test " + id.display() + " has ended; its trees and nodes are closed");
        }
    }
}
