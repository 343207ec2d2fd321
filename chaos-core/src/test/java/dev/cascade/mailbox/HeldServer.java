package dev.cascade.mailbox;

import dev.cascade.genserver.CallResult;
import dev.cascade.genserver.From;
import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.InitResult;
import dev.cascade.genserver.Result;
import dev.cascade.runtime.CallFailedException;
import dev.cascade.runtime.ExitMessage;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.runtime.Timeout;

/**
 * A GenServer that can be held inside a handler until it gets the exit signal {@link Gate#OPEN}
 * (its mailbox fills meanwhile), and that makes calls on command. It traps exits, so the signal
 * opens it without ending it.
 */
final class HeldServer implements GenServer<ProcessContext> {
    /** Cast: tell {@code observer} it is held ({@link Holding}), then wait to be opened. */
    record Hold(Pid observer) {}

    /** Call: as {@link Hold}, then reply {@code ok}. */
    record HeldCall(Pid observer) {}

    /** Sent to the {@code observer} of a hold once the server is inside the handler. */
    record Holding(Pid server) {}

    /** Cast: call {@code to} with {@code request} and send {@link CalledOut} to {@code reportTo}. */
    record CallOut(Pid to, Object request, Pid reportTo) {}

    /** How a {@link CallOut} ended: the reply, or the reason the call failed. */
    record CalledOut(String outcome) {}

    @Override
    public InitResult<ProcessContext> init(ProcessContext ctx) {
        ctx.trapExit(true);
        return InitResult.ok(ctx);
    }

    @Override
    public CallResult<ProcessContext> handleCall(Object request, From from, ProcessContext ctx) {
        if (request instanceof HeldCall held) {
            hold(ctx, held.observer());
        }
        return CallResult.reply("ok", ctx);
    }

    @Override
    public Result<ProcessContext> handleCast(Object message, ProcessContext ctx) {
        switch (message) {
            case Hold hold -> hold(ctx, hold.observer());
            case CallOut out -> ctx.send(out.reportTo(), new CalledOut(call(ctx, out)));
            default -> { }
        }
        return Result.noReply(ctx);
    }

    private static void hold(ProcessContext ctx, Pid observer) {
        ctx.send(observer, new Holding(ctx.self()));
        ctx.receive(message -> message instanceof ExitMessage exit && exit.reason().equals(Gate.OPEN), Timeout.INFINITY);
    }

    private static String call(ProcessContext ctx, CallOut out) {
        try {
            return String.valueOf(GenServer.call(ctx, out.to(), out.request(), Timeout.ofMillis(5_000)));
        } catch (CallFailedException failed) {
            return failed.cause().describe();
        }
    }
}
