package dev.cascade.scenario;

import dev.cascade.supervisor.Restart;
import dev.cascade.supervisor.Shutdown;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * An immutable DSL step describing a {@link WorkerNode}; start with {@link ScenarioTree#worker(String)}.
 * Every method returns a new builder; values are checked by {@link #build()}.
 */
public final class WorkerBuilder implements ScenarioTree {

    private final String id;
    private final Restart restart;
    private final Shutdown shutdown;
    private final SortedSet<Integer> failOn;
    private final SortedSet<Integer> ignoreOn;
    private final Duration initDelay;
    private final boolean trapExit;
    private final Duration terminateDelay;

    private WorkerBuilder(String id, Restart restart, Shutdown shutdown, SortedSet<Integer> failOn,
                          SortedSet<Integer> ignoreOn, Duration initDelay, boolean trapExit, Duration terminateDelay) {
        this.id = id;
        this.restart = restart;
        this.shutdown = shutdown;
        this.failOn = failOn;
        this.ignoreOn = ignoreOn;
        this.initDelay = initDelay;
        this.trapExit = trapExit;
        this.terminateDelay = terminateDelay;
    }

    static WorkerBuilder start(String id) {
        return new WorkerBuilder(Objects.requireNonNull(id, "id"), Restart.PERMANENT, WorkerNode.DEFAULT_SHUTDOWN,
                new TreeSet<>(), new TreeSet<>(), Duration.ZERO, false, Duration.ZERO);
    }

    /** When its supervisor restarts it, e.g. {@code restart(Restart.TEMPORARY)}. */
    public WorkerBuilder restart(Restart restart) {
        return new WorkerBuilder(id, Objects.requireNonNull(restart, "restart"), shutdown, failOn, ignoreOn,
                initDelay, trapExit, terminateDelay);
    }

    /** How its supervisor stops it, e.g. {@code shutdown(Shutdown.BRUTAL_KILL)} or {@code shutdown(Shutdown.millis(200))}. */
    public WorkerBuilder shutdown(Shutdown shutdown) {
        return new WorkerBuilder(id, restart, Objects.requireNonNull(shutdown, "shutdown"), failOn, ignoreOn,
                initDelay, trapExit, terminateDelay);
    }

    /** The start attempts (1 = the first) that fail with {@code init_failed}, replacing any given before, e.g. {@code failOn(2, 3)}. */
    public WorkerBuilder failOn(int... attempts) {
        return new WorkerBuilder(id, restart, shutdown, attempts(attempts), ignoreOn, initDelay, trapExit,
                terminateDelay);
    }

    /** The start attempts that return <em>ignore</em>, replacing any given before, e.g. {@code ignoreOn(1)}. */
    public WorkerBuilder ignoreOn(int... attempts) {
        return new WorkerBuilder(id, restart, shutdown, failOn, attempts(attempts), initDelay, trapExit,
                terminateDelay);
    }

    /** How long each start takes, blocking its supervisor, e.g. {@code initDelay(Duration.ofMillis(200))}. */
    public WorkerBuilder initDelay(Duration initDelay) {
        return new WorkerBuilder(id, restart, shutdown, failOn, ignoreOn,
                Objects.requireNonNull(initDelay, "initDelay"), trapExit, terminateDelay);
    }

    /** Whether the worker traps exit signals, e.g. {@code trapExit(true)}. */
    public WorkerBuilder trapExit(boolean trapExit) {
        return new WorkerBuilder(id, restart, shutdown, failOn, ignoreOn, initDelay, trapExit, terminateDelay);
    }

    /** How long the (trapping) worker takes to stop when asked, e.g. {@code terminateDelay(Duration.ofMillis(300))}. */
    public WorkerBuilder terminateDelay(Duration terminateDelay) {
        return new WorkerBuilder(id, restart, shutdown, failOn, ignoreOn, initDelay, trapExit,
                Objects.requireNonNull(terminateDelay, "terminateDelay"));
    }

    /** {@inheritDoc} */
    @Override
    public WorkerNode build() {
        return new WorkerNode(id, restart, shutdown, failOn, ignoreOn, initDelay, trapExit, terminateDelay);
    }

    private static SortedSet<Integer> attempts(int... attempts) {
        TreeSet<Integer> set = new TreeSet<>();
        Arrays.stream(attempts).forEach(set::add);
        return set;
    }
}
