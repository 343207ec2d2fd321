package dev.cascade.scenario;

import dev.cascade.runtime.MailboxLimit;
import dev.cascade.supervisor.Restart;
import dev.cascade.supervisor.Shutdown;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * An immutable DSL step describing a {@link WorkerNode}; start with {@link ScenarioTree#worker(String)}.
 * Every method returns a new builder; values are checked by {@link #build()}.
 */
public final class WorkerBuilder implements ScenarioTree {

    /** The values so far, unchecked until {@link #build()} makes the record. */
    private record Values(String id, Restart restart, Shutdown shutdown, SortedSet<Integer> failOn,
                          SortedSet<Integer> ignoreOn, Duration initDelay, boolean trapExit, Duration terminateDelay,
                          Duration handling, MailboxLimit mailbox, List<Traffic> sends, Duration continueDelay) {}

    private final Values v;

    private WorkerBuilder(Values v) {
        this.v = v;
    }

    static WorkerBuilder start(String id) {
        return new WorkerBuilder(new Values(Objects.requireNonNull(id, "id"), Restart.PERMANENT,
                WorkerNode.DEFAULT_SHUTDOWN, new TreeSet<>(), new TreeSet<>(), Duration.ZERO, false, Duration.ZERO,
                Duration.ZERO, MailboxLimit.UNBOUNDED, List.of(), Duration.ZERO));
    }

    /** When its supervisor restarts it, e.g. {@code restart(Restart.TEMPORARY)}. */
    public WorkerBuilder restart(Restart restart) {
        return new WorkerBuilder(new Values(v.id, Objects.requireNonNull(restart, "restart"), v.shutdown, v.failOn,
                v.ignoreOn, v.initDelay, v.trapExit, v.terminateDelay, v.handling, v.mailbox, v.sends, v.continueDelay));
    }

    /** How its supervisor stops it, e.g. {@code shutdown(Shutdown.BRUTAL_KILL)} or {@code shutdown(Shutdown.millis(200))}. */
    public WorkerBuilder shutdown(Shutdown shutdown) {
        return new WorkerBuilder(new Values(v.id, v.restart, Objects.requireNonNull(shutdown, "shutdown"), v.failOn,
                v.ignoreOn, v.initDelay, v.trapExit, v.terminateDelay, v.handling, v.mailbox, v.sends, v.continueDelay));
    }

    /** The start attempts (1 = the first) that fail with {@code init_failed}, replacing any given before, e.g. {@code failOn(2, 3)}. */
    public WorkerBuilder failOn(int... attempts) {
        return new WorkerBuilder(new Values(v.id, v.restart, v.shutdown, attempts(attempts), v.ignoreOn, v.initDelay,
                v.trapExit, v.terminateDelay, v.handling, v.mailbox, v.sends, v.continueDelay));
    }

    /** The start attempts that return <em>ignore</em>, replacing any given before, e.g. {@code ignoreOn(1)}. */
    public WorkerBuilder ignoreOn(int... attempts) {
        return new WorkerBuilder(new Values(v.id, v.restart, v.shutdown, v.failOn, attempts(attempts), v.initDelay,
                v.trapExit, v.terminateDelay, v.handling, v.mailbox, v.sends, v.continueDelay));
    }

    /** How long each start takes, blocking its supervisor, e.g. {@code initDelay(Duration.ofMillis(200))}. */
    public WorkerBuilder initDelay(Duration initDelay) {
        return new WorkerBuilder(new Values(v.id, v.restart, v.shutdown, v.failOn, v.ignoreOn,
                Objects.requireNonNull(initDelay, "initDelay"), v.trapExit, v.terminateDelay, v.handling, v.mailbox, v.sends, v.continueDelay));
    }

    /** Whether the worker traps exit signals, e.g. {@code trapExit(true)}. */
    public WorkerBuilder trapExit(boolean trapExit) {
        return new WorkerBuilder(new Values(v.id, v.restart, v.shutdown, v.failOn, v.ignoreOn, v.initDelay, trapExit,
                v.terminateDelay, v.handling, v.mailbox, v.sends, v.continueDelay));
    }

    /** How long the (trapping) worker takes to stop when asked, e.g. {@code terminateDelay(Duration.ofMillis(300))}. */
    public WorkerBuilder terminateDelay(Duration terminateDelay) {
        return new WorkerBuilder(new Values(v.id, v.restart, v.shutdown, v.failOn, v.ignoreOn, v.initDelay, v.trapExit,
                Objects.requireNonNull(terminateDelay, "terminateDelay"), v.handling, v.mailbox, v.sends, v.continueDelay));
    }

    /** How long handling each message takes, e.g. {@code handling(Duration.ofMillis(50))}. */
    public WorkerBuilder handling(Duration handling) {
        return new WorkerBuilder(new Values(v.id, v.restart, v.shutdown, v.failOn, v.ignoreOn, v.initDelay, v.trapExit,
                v.terminateDelay, Objects.requireNonNull(handling, "handling"), v.mailbox, v.sends, v.continueDelay));
    }

    /** Bounds the worker's mailbox, e.g. {@code mailbox(MailboxLimit.of(100, Overflow.DROP_OLDEST))}. */
    public WorkerBuilder mailbox(MailboxLimit mailbox) {
        return new WorkerBuilder(new Values(v.id, v.restart, v.shutdown, v.failOn, v.ignoreOn, v.initDelay, v.trapExit,
                v.terminateDelay, v.handling, Objects.requireNonNull(mailbox, "mailbox"), v.sends, v.continueDelay));
    }

    /**
     * How long the slow work after each start takes (the file's {@code continue_ms}): init returns
     * {@code {ok, State, {continue, …}}} and {@code handle_continue} takes this long before the worker
     * reads its mailbox, so — unlike {@link #initDelay(Duration)} — its supervisor goes on starting the
     * next children meanwhile, e.g. {@code continueDelay(Duration.ofSeconds(3))}.
     */
    public WorkerBuilder continueDelay(Duration continueDelay) {
        return new WorkerBuilder(new Values(v.id, v.restart, v.shutdown, v.failOn, v.ignoreOn, v.initDelay, v.trapExit,
                v.terminateDelay, v.handling, v.mailbox, v.sends, Objects.requireNonNull(continueDelay, "continueDelay")));
    }

    /** Adds traffic after any given before, e.g. {@code send(Traffic.cast("root/db", Duration.ofMillis(10)))}. */
    public WorkerBuilder send(Traffic traffic) {
        List<Traffic> more = new ArrayList<>(v.sends);
        more.add(Objects.requireNonNull(traffic, "traffic"));
        return new WorkerBuilder(new Values(v.id, v.restart, v.shutdown, v.failOn, v.ignoreOn, v.initDelay, v.trapExit,
                v.terminateDelay, v.handling, v.mailbox, List.copyOf(more), v.continueDelay));
    }

    /** {@inheritDoc} */
    @Override
    public WorkerNode build() {
        return new WorkerNode(v.id, v.restart, v.shutdown, v.failOn, v.ignoreOn, v.initDelay, v.trapExit,
                v.terminateDelay, v.handling, v.mailbox, v.sends, v.continueDelay);
    }

    private static SortedSet<Integer> attempts(int... attempts) {
        TreeSet<Integer> set = new TreeSet<>();
        Arrays.stream(attempts).forEach(set::add);
        return set;
    }
}
