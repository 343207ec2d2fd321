package dev.cascade.scenario;

import dev.cascade.scenario.internal.Checks;
import dev.cascade.runtime.MailboxLimit;
import dev.cascade.supervisor.Restart;
import dev.cascade.supervisor.Shutdown;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A worker in a scenario tree. Build one with {@link ScenarioTree#worker(String)}.
 *
 * @param id             unique among its siblings; {@code [a-z0-9_]+}
 * @param restart        when its supervisor restarts it
 * @param shutdown       how its supervisor stops it (a timeout must be whole milliseconds >= 1)
 * @param failOn         start attempts (1 = the first) that fail with {@code init_failed}
 * @param ignoreOn       start attempts that return <em>ignore</em>; an attempt also in {@code failOn} fails
 *                       ({@code failOn} wins, as the format says)
 * @param initDelay      how long each start takes, in whole milliseconds
 * @param trapExit       whether the worker traps exit signals
 * @param terminateDelay how long a trapping worker takes to stop when asked; non-zero only with {@code trapExit}
 * @param handling       how long handling each message (call, cast or plain message) takes, whole milliseconds
 * @param mailbox        its mailbox bound; {@link MailboxLimit#UNBOUNDED} (the default) as in Erlang
 * @param sends          the traffic it sends to other workers while it runs, in file order
 * @param continueDelay  slow work done after its start returned, before it reads its mailbox (init returns
 *                       {@code {ok, State, {continue, …}}} and {@code handle_continue} takes this long), so its
 *                       supervisor goes on starting the next child; whole milliseconds, zero for none
 */
public record WorkerNode(
        String id,
        Restart restart,
        Shutdown shutdown,
        SortedSet<Integer> failOn,
        SortedSet<Integer> ignoreOn,
        Duration initDelay,
        boolean trapExit,
        Duration terminateDelay,
        Duration handling,
        MailboxLimit mailbox,
        List<Traffic> sends,
        Duration continueDelay) implements ScenarioNode {

    /** The default {@link #shutdown()} of a worker: 5000 ms. */
    public static final Shutdown DEFAULT_SHUTDOWN = Shutdown.WORKER_DEFAULT;

    /** Validates every component; see the parameters for the rules. */
    public WorkerNode {
        Checks.matching("id", id, Checks.ID);
        Checks.notNull("restart of worker " + id, restart);
        Checks.shutdown("shutdown of worker " + id, shutdown);
        failOn = attempts("failOn of worker " + id, failOn);
        ignoreOn = attempts("ignoreOn of worker " + id, ignoreOn);
        Checks.millis("initDelay of worker " + id, initDelay, 0);
        Checks.millis("terminateDelay of worker " + id, terminateDelay, 0);
        if (!terminateDelay.isZero() && !trapExit) {
            throw new IllegalArgumentException("terminateDelay of worker " + id + " must be 0 ms unless it traps exits"
                    + " but was: " + Checks.render(terminateDelay) + "; set trapExit(true) or drop the delay");
        }
        Checks.millis("handling time of worker " + id, handling, 0);
        mailbox = Checks.notNull("mailbox of worker " + id, mailbox).bounded() ? mailbox : MailboxLimit.UNBOUNDED;
        sends = List.copyOf(Checks.notNull("sends of worker " + id, sends));
        Checks.millis("continueDelay of worker " + id, continueDelay, 0);
    }

    /** A worker with no work after its start ({@link #continueDelay()} zero). */
    public WorkerNode(String id, Restart restart, Shutdown shutdown, SortedSet<Integer> failOn, SortedSet<Integer> ignoreOn,
                      Duration initDelay, boolean trapExit, Duration terminateDelay, Duration handling, MailboxLimit mailbox,
                      List<Traffic> sends) {
        this(id, restart, shutdown, failOn, ignoreOn, initDelay, trapExit, terminateDelay, handling, mailbox, sends, Duration.ZERO);
    }

    /** A worker that handles messages at once, has an unbounded mailbox and sends nothing. */
    public WorkerNode(String id, Restart restart, Shutdown shutdown, SortedSet<Integer> failOn, SortedSet<Integer> ignoreOn,
                      Duration initDelay, boolean trapExit, Duration terminateDelay) {
        this(id, restart, shutdown, failOn, ignoreOn, initDelay, trapExit, terminateDelay, Duration.ZERO,
                MailboxLimit.UNBOUNDED, List.of());
    }

    private static SortedSet<Integer> attempts(String what, SortedSet<Integer> attempts) {
        Checks.notNull(what, attempts);
        for (Integer attempt : attempts) {
            Checks.atLeast(what + " attempt", Checks.notNull(what + " attempt", attempt), 1);
        }
        TreeSet<Integer> copy = new TreeSet<>();
        copy.addAll(attempts);
        return Collections.unmodifiableSortedSet(copy);
    }
}
