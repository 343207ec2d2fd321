package dev.cascade.conformance;

import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ProcessBody;
import dev.cascade.runtime.ProcessContext;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A process that shows its observer what happens to it: every message it receives is forwarded
 * as {@link Relayed}, and {@link Action}s sent to it run on its own thread (link, unlink, exit,
 * exit itself, ...). An action that throws ends the relay with the thrown reason.
 *
 * <pre>{@code
 * Pid target = Relay.spawn(ctx, true);          // trapping exits
 * ctx.exit(target, ExitReason.shutdown());
 * assertThat(Relay.nextRelayed(ctx, target)).isEqualTo(new ExitMessage(ctx.self(), ExitReason.shutdown()));
 * }</pre>
 */
public final class Relay {
    private static final AtomicLong ids = new AtomicLong();

    /** A message the relay received. */
    public record Relayed(Pid relay, Object message) {}

    /** Something for the relay to do on its own thread; its result comes back to the observer. */
    @FunctionalInterface
    public interface Action {
        Object apply(ProcessContext ctx) throws Exception;
    }

    private record Command(long id, Action action) {}

    private record Done(long id, Object result) {}

    private record Ready(Pid relay) {}

    private Relay() {}

    /** Spawns a relay reporting to the calling process; returns once its trap-exit flag is set. */
    public static Pid spawn(ProcessContext ctx, boolean trapExit) {
        Pid relay = ctx.spawn(body(ctx.self(), trapExit));
        Inbox.next(ctx, Ready.class, ready -> ready.relay().equals(relay));
        return relay;
    }

    /** Spawns a relay linked to the calling process. */
    public static Pid spawnLink(ProcessContext ctx, boolean trapExit) {
        Pid relay = ctx.spawnLink(body(ctx.self(), trapExit));
        Inbox.next(ctx, Ready.class, ready -> ready.relay().equals(relay));
        return relay;
    }

    /** Runs {@code action} in {@code relay} and returns its result. */
    public static Object run(ProcessContext ctx, Pid relay, Action action) {
        long id = ids.incrementAndGet();
        ctx.send(relay, new Command(id, action));
        return Inbox.next(ctx, Done.class, done -> done.id() == id).result();
    }

    /** Has {@code relay} run {@code action} without waiting for it (for actions that end the relay). */
    public static void order(ProcessContext ctx, Pid relay, Action action) {
        ctx.send(relay, new Command(ids.incrementAndGet(), action));
    }

    /** The next message {@code relay} received. */
    public static Object nextRelayed(ProcessContext ctx, Pid relay) {
        return Inbox.next(ctx, Relayed.class, relayed -> relayed.relay().equals(relay)).message();
    }

    private static ProcessBody body(Pid observer, boolean trapExit) {
        return ctx -> {
            ctx.trapExit(trapExit);
            ctx.send(observer, new Ready(ctx.self()));
            while (true) {
                Object message = ctx.receive();
                if (message instanceof Command command) {
                    Object result = command.action().apply(ctx);
                    ctx.send(observer, new Done(command.id(), result == null ? "null" : result));
                } else {
                    ctx.send(observer, new Relayed(ctx.self(), message));
                }
            }
        };
    }
}
