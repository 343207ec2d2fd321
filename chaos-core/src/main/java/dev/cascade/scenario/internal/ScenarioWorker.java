package dev.cascade.scenario.internal;

import dev.cascade.genserver.CallResult;
import dev.cascade.genserver.From;
import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.InitResult;
import dev.cascade.genserver.Next;
import dev.cascade.genserver.Result;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.MailboxFullException;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.runtime.Timeout;
import dev.cascade.runtime.internal.ProcessCell;
import dev.cascade.scenario.Traffic;
import dev.cascade.scenario.WorkerNode;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The worker of a scenario file: a GenServer whose starts fail, are ignored or take time on chosen
 * attempts (counted by the runtime for its tree path), that may trap exits and take time to stop
 * when its supervisor asks, that answers calls and casts taking {@code handling_ms} for each
 * message, that may do slow work after its start returned ({@code continue_ms}, in
 * {@code handleContinue}), and that sends its {@code sends} on an inactivity timeout (so no message of its own
 * counts as traffic). Faults reach it through the runtime (the GenServer loop and the fault hooks).
 */
final class ScenarioWorker implements GenServer<ScenarioWorker> {
    static final ExitReason INIT_FAILED = ExitReason.custom("init_failed");
    private static final String CONTINUE = "continue_ms";

    private final WorkerNode node;
    private final List<Traffic> sends;
    private final long[] due;
    private final Map<String, Pid> lastHolder = new HashMap<>();
    private ProcessContext ctx;
    private ProcessCell cell;
    private long sent;

    ScenarioWorker(WorkerNode node) {
        this.node = node;
        this.sends = node.sends();
        this.due = new long[sends.size()];
    }

    @Override
    public InitResult<ScenarioWorker> init(ProcessContext ctx) {
        this.ctx = ctx;
        this.cell = ProcessCell.of(ctx);
        int attempt = cell.place().startAttempt();
        if (node.initDelay().isPositive()) {
            ctx.sleep(node.initDelay());
        }
        if (node.failOn().contains(attempt)) {
            return InitResult.stop(INIT_FAILED);
        }
        if (node.ignoreOn().contains(attempt)) {
            return InitResult.ignore();
        }
        ctx.trapExit(node.trapExit());
        long now = ctx.nanoTime();
        for (int i = 0; i < due.length; i++) {
            due[i] = now + sends.get(i).every().toNanos();
            holder(sends.get(i).to()); // knows who holds it now, to send to even if it dies before the first send
        }
        return InitResult.ok(this, node.continueDelay().isPositive() ? Next.continueWith(CONTINUE) : next());
    }

    /** {@code continue_ms}: the slow work of a start, done after it returned, before the mailbox is read. */
    @Override
    public Result<ScenarioWorker> handleContinue(Object value, ScenarioWorker self) {
        ctx.sleep(node.continueDelay());
        return Result.noReply(self, next());
    }

    @Override
    public CallResult<ScenarioWorker> handleCall(Object request, From from, ScenarioWorker self) {
        handle();
        return CallResult.reply(Messages.REPLY, self, next());
    }

    @Override
    public Result<ScenarioWorker> handleCast(Object message, ScenarioWorker self) {
        handle();
        return Result.noReply(self, next());
    }

    /** Its send timer, a trapped exit signal from outside the tree (ignored), or a flood's message. */
    @Override
    public Result<ScenarioWorker> handleInfo(Object message, ScenarioWorker self) {
        if (message == GenServer.TIMEOUT) {
            sendDue();
        } else {
            handle();
        }
        return Result.noReply(self, next());
    }

    /** Only a stop its supervisor asked for ({@code shutdown} from the parent) takes {@code terminate_delay_ms}. */
    @Override
    public void terminate(ExitReason reason, ScenarioWorker self) {
        if (!cell.place().isEndingByFault() && reason instanceof ExitReason.Shutdown && node.terminateDelay().isPositive()) {
            ctx.sleep(node.terminateDelay());
        }
    }

    private void handle() {
        if (node.handling().isPositive()) {
            ctx.sleep(node.handling());
        }
    }

    /** Waits for the next message, or until the next send is due. */
    private Next next() {
        if (due.length == 0) {
            return Next.WAIT;
        }
        long first = Long.MAX_VALUE;
        for (long at : due) {
            first = Math.min(first, at);
        }
        return Next.timeout(Duration.ofNanos(Math.max(0, first - ctx.nanoTime())));
    }

    /** Sends every send that is due; one that fell behind (the worker was busy) is made once, not made up. */
    private void sendDue() {
        for (int i = 0; i < due.length; i++) {
            long now = ctx.nanoTime();
            if (due[i] > now) {
                continue;
            }
            Traffic traffic = sends.get(i);
            long every = traffic.every().toNanos();
            due[i] = due[i] + every > now ? due[i] + every : now + every;
            send(traffic);
        }
    }

    private void send(Traffic traffic) {
        Pid to = holder(traffic.to());
        if (to == null) {
            return; // the path has had no process yet: there is no one to send to
        }
        Messages.Request request = new Messages.Request(cell.place().path(), ++sent);
        if (traffic.kind() == Traffic.Kind.CAST) {
            try {
                GenServer.cast(ctx, to, request);
            } catch (MailboxFullException rejected) {
                // a full mailbox that rejects: the cast is dropped (and traced so); the sender goes on
            }
        } else {
            GenServer.call(ctx, to, request, Timeout.of(traffic.timeout())); // a failed call ends this worker, as in OTP
        }
    }

    /**
     * The process holding {@code path} now, or else the last one this worker saw holding it (at its
     * start or at a send): a dead pid, so casts are dropped and calls fail with noproc.
     */
    private Pid holder(String path) {
        ProcessCell live = cell.kernel().tree().live(path);
        if (live != null) {
            lastHolder.put(path, live.self());
            return live.self();
        }
        return lastHolder.get(path);
    }
}
