package dev.cascade.junit;

import dev.cascade.agent.Instrumented;
import dev.cascade.agent.UserCode;
import dev.cascade.chaos.ChaosTree;
import dev.cascade.runtime.Node;
import dev.cascade.runtime.Scheduler;
import dev.cascade.supervisor.SupervisorSpec;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The test's seed and mode, and a way to start more trees, nodes and agent sessions bound to them: each is
 * closed after the test (newest first) and checked like the test's own tree. Take it as a parameter of a
 * {@link CascadeTest}.
 *
 * <pre>{@code
 * @Test
 * void two_regions(CascadeContext cascade) {
 *     ChaosTree east = cascade.start(region());
 *     ChaosTree west = cascade.start(region(), builder -> builder.root("west"));
 *     ...
 * }
 * }</pre>
 */
public final class CascadeContext {
    private final TestRun run;

    CascadeContext(TestRun run) {
        this.run = run;
    }

    /** The test's seed (see {@link CascadeTest} for where it comes from). */
    public long seed() {
        return run.seed.value();
    }

    /** The test's mode. */
    public CascadeTest.Mode mode() {
        return run.mode;
    }

    /** The one-line command that runs this test again with its seed. */
    public String replayCommand() {
        return run.id.replay(seed());
    }

    /** The tree the test class declares with {@code @Tree(name)}: the same instance a parameter naming it gets. */
    public ChaosTree tree(String name) {
        return run.tree(Objects.requireNonNull(name, "name"));
    }

    /** Starts {@code spec} as a further tree, on a scheduler of the test's mode and seed. */
    public ChaosTree start(SupervisorSpec spec) {
        return start(spec, UnaryOperator.identity());
    }

    /**
     * Starts {@code spec} with {@code options} (root id, tracing, user code to weave, listener); the scheduler is
     * always the test's (one set in {@code options} is replaced).
     */
    public ChaosTree start(SupervisorSpec spec, UnaryOperator<ChaosTree.Builder> options) {
        return run.start(run.nextContextName(), Objects.requireNonNull(spec, "spec"), Objects.requireNonNull(options, "options"));
    }

    /** Starts a traced node on a scheduler of the test's mode and seed. */
    public Node startNode() {
        return run.node();
    }

    /**
     * A new scheduler of the test's mode and seed, for a node or tree the test builds itself; a simulated one's
     * reproducibility is checked after the test. The node or tree given it closes it.
     */
    public Scheduler scheduler() {
        return run.newScheduler();
    }

    /** Weaves {@code code} until the test ends (or the session is closed); in real mode a session left open is reported. */
    public Instrumented instrument(UserCode code) {
        return run.instrument(Objects.requireNonNull(code, "code"));
    }
}
