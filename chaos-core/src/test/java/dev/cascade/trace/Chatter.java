package dev.cascade.trace;

import dev.cascade.genserver.CallResult;
import dev.cascade.genserver.From;
import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.InitResult;
import dev.cascade.genserver.Result;
import dev.cascade.genserver.StartOptions;
import dev.cascade.runtime.CallFailedException;
import dev.cascade.runtime.MailboxFullException;
import dev.cascade.runtime.MailboxLimit;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.runtime.ServerRef;
import dev.cascade.runtime.Timeout;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.Restart;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A worker that makes traffic for the trace tests: registered under its name, it ticks every
 * {@code every} (a linked ticker process sends it {@link Tick}), and on each tick casts a
 * {@link Note} to each of {@code castTo} and, if {@code callTo} is set, calls it with
 * {@code callTimeout}. Each cast and call it gets takes it {@code work} (so its mailbox can grow). It answers calls, takes casts and plain messages (a flood) and never crashes
 * on its own: failed calls and full mailboxes are shrugged off, so every exit comes from a fault or
 * a supervisor.
 */
final class Chatter implements GenServer<Integer> {
    /** Time to talk to the others. */
    record Tick() {}

    /** A cast between workers. */
    record Note(int n) {}

    /** A call between workers. */
    record Query(int n) {}

    /** How one chatter behaves. */
    record Config(String name, Duration every, Duration work, List<String> castTo, String callTo, Duration callTimeout,
                  MailboxLimit mailbox, Restart restart) {
        Config {
            Objects.requireNonNull(name, "name");
            castTo = List.copyOf(castTo);
        }

        /** Its child spec: started under its name, with its mailbox bound. */
        ChildSpec child() {
            StartOptions options = StartOptions.named(name).withMailbox(mailbox);
            return ChildSpec.worker(name, ctx -> GenServer.startLink(ctx, new Chatter(this), options)).withRestart(restart);
        }

        @Override
        public String toString() {
            return name + "(tick " + every.toMillis() + " ms, work " + work.toMillis() + " ms, casts " + castTo + (callTo == null ? "" : ", calls " + callTo
                    + " within " + callTimeout.toMillis() + " ms") + (mailbox.bounded() ? ", mailbox " + mailbox.capacity()
                    + " " + mailbox.overflow() : "") + ", " + restart + ")";
        }
    }

    private final Config config;
    private ProcessContext ctx;

    Chatter(Config config) {
        this.config = config;
    }

    @Override
    public InitResult<Integer> init(ProcessContext ctx) {
        this.ctx = ctx;
        Pid self = ctx.self();
        ctx.spawnLink(ticker -> {
            while (ticker.isAlive(self)) { // it also ends when its worker ended normally (no link signal then)
                ticker.sleep(config.every());
                try {
                    ticker.send(self, new Tick());
                } catch (MailboxFullException full) {
                    // a rejecting, full mailbox: this tick is dropped (and traced as such)
                }
            }
        });
        return InitResult.ok(0);
    }

    @Override
    public CallResult<Integer> handleCall(Object request, From from, Integer n) {
        work();
        return CallResult.reply(request, n + 1);
    }

    @Override
    public Result<Integer> handleCast(Object message, Integer n) {
        work();
        return Result.noReply(n + 1);
    }

    @Override
    public Result<Integer> handleInfo(Object message, Integer n) {
        if (message instanceof Tick) {
            talk(n);
        }
        return Result.noReply(n + 1);
    }

    private void work() {
        if (!config.work().isZero()) {
            ctx.sleep(config.work());
        }
    }

    private void talk(int n) {
        for (String peer : config.castTo()) {
            try {
                GenServer.cast(ctx, ServerRef.named(peer), new Note(n));
            } catch (MailboxFullException full) {
                // the peer's mailbox rejects: traced as dropped, and this worker carries on
            }
        }
        if (config.callTo() != null) {
            try {
                GenServer.call(ctx, ServerRef.named(config.callTo()), new Query(n), Timeout.of(config.callTimeout()));
            } catch (CallFailedException failed) {
                // timeout, noproc, mailbox_full or the callee died: traced, and this worker carries on
            }
        }
    }
}
