package dev.cascade.genserver.internal;

import dev.cascade.genserver.From;
import dev.cascade.runtime.CallFailedException;
import dev.cascade.runtime.Down;
import dev.cascade.runtime.ExitException;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.MonitorRef;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.runtime.ServerRef;
import dev.cascade.runtime.Timeout;
import dev.cascade.runtime.MailboxFullException;
import dev.cascade.runtime.internal.Deliveries;
import dev.cascade.runtime.internal.ProcessCell;
import dev.cascade.trace.Addressee;
import dev.cascade.trace.Message;
import dev.cascade.trace.ProcessId;
import dev.cascade.trace.TraceEvent;
import dev.cascade.runtime.internal.ViaNames;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The client side of gen_server (otp-semantics 2.5): monitor, send with an alias, wait for the
 * reply or the DOWN; after a timeout the alias is deactivated so a late reply is dropped (G20).
 */
public final class Calls {
    private Calls() {}

    public static Object call(ProcessContext ctx, ServerRef server, Object request, Timeout timeout, boolean explicitTimeout) {
        ProcessCell caller = ProcessCell.of(ctx);
        Supplier<String> description = () -> "call(" + server + ", " + request + (explicitTimeout ? ", " + timeout : "") + ")";
        Optional<Pid> target = resolve(ctx, server);
        if (target.isEmpty()) {
            // G21: nothing is sent. Traced against the process that held the name last, so a call to a
            // server that died can be explained; against the name itself when no process ever held it.
            CallFailedException noproc = failed(ExitReason.NOPROC, description);
            throw failedAtOnce(caller, Deliveries.addressee(caller.kernel(), server), request, timeout, noproc);
        }
        Pid pid = target.get();
        if (pid.equals(ctx.self())) {
            throw traceFailed(caller, traceStart(caller, caller.traceId(), request, timeout), failed(ExitReason.CALLING_SELF, description));
        }
        long alias = caller.kernel().newTag();
        caller.activateAlias(alias);
        MonitorRef monitor = ctx.monitor(pid);
        long call = traceStart(caller, calleeId(caller, pid), request, timeout);
        try {
            Deliveries.send(caller, pid, new Protocol.CallRequest(new From(ctx.self(), alias), request, timeout));
        } catch (MailboxFullException full) {
            caller.deactivateAlias(alias);
            ctx.demonitor(monitor, true);
            throw traceFailed(caller, call, failed(ExitReason.custom("mailbox_full"), description));
        }
        Optional<Object> answer = caller.receiveWaitingOn(pid, "call", request, message ->
                message instanceof Protocol.CallReply reply && reply.alias() == alias
                        || message instanceof Down down && down.ref().equals(monitor), timeout);
        caller.deactivateAlias(alias);
        if (answer.isPresent() && answer.get() instanceof Protocol.CallReply reply) {
            ctx.demonitor(monitor, true);
            return traceReplied(caller, call, reply.value());
        }
        if (answer.isPresent() && answer.get() instanceof Down down) {
            throw traceFailed(caller, call, failed(down.reason(), description)); // G22, or noproc for a dead pid
        }
        ctx.demonitor(monitor, true);
        Optional<Object> late = ctx.receive(message ->
                message instanceof Protocol.CallReply reply && reply.alias() == alias, Timeout.ofMillis(0));
        if (late.isPresent()) {
            return traceReplied(caller, call, ((Protocol.CallReply) late.get()).value());
        }
        if (call != 0) {
            caller.trace((id, at) -> new TraceEvent.CallTimedOut(id, at, TraceEvent.causeOf(call), call, caller.traceId()));
        }
        throw failed(ExitReason.TIMEOUT, description);
    }

    /**
     * Traces a call that fails before anything is sent ({@code noproc}): a {@code CallStarted} naming
     * {@code callee}, the process last known under the name called, and at once its {@code CallFailed}.
     */
    public static CallFailedException failedAtOnce(ProcessCell caller, Addressee callee, Object request, Timeout timeout,
                                                   CallFailedException failure) {
        return traceFailed(caller, traceStart(caller, callee, request, timeout), failure);
    }

    /** A {@code noproc} failure of a call to {@code target}, as {@link #call} throws it. */
    public static CallFailedException noproc(String target, Object request) {
        return failed(ExitReason.NOPROC, () -> "call(" + target + ", " + request + ")");
    }

    private static ProcessId calleeId(ProcessCell caller, Pid callee) {
        ProcessCell cell = caller.kernel().cell(callee);
        return cell == null ? ProcessId.outside(callee) : cell.traceId();
    }

    private static long traceStart(ProcessCell caller, Addressee calleeId, Object request, Timeout timeout) {
        if (caller.kernel().tracer() == null) {
            return 0;
        }
        long because = caller.cause();
        long call = caller.trace((id, at) -> new TraceEvent.CallStarted(id, at, TraceEvent.causeOf(because), caller.traceId(), calleeId,
                Message.of(request), timeout));
        caller.causedBy(call);
        return call;
    }

    private static Object traceReplied(ProcessCell caller, long call, Object value) {
        if (call != 0) {
            caller.trace((id, at) -> new TraceEvent.CallReplied(id, at, TraceEvent.causeOf(caller.cause()), call, caller.traceId()));
        }
        return value;
    }

    private static CallFailedException traceFailed(ProcessCell caller, long call, CallFailedException failure) {
        if (call != 0) {
            ExitReason reason = failure.cause();
            caller.trace((id, at) -> new TraceEvent.CallFailed(id, at, TraceEvent.causeOf(caller.cause()), call, caller.traceId(), reason));
        }
        return failure;
    }

    /** G23: a cast never fails; one to a name that resolves to no process is dropped, and traced so. */
    public static void cast(ProcessContext ctx, ServerRef server, Object message) {
        Optional<Pid> pid = resolve(ctx, server);
        if (pid.isPresent()) {
            Deliveries.send(ProcessCell.of(ctx), pid.get(), new Protocol.CastMessage(message));
        } else {
            Deliveries.unresolved(ProcessCell.of(ctx), server, new Protocol.CastMessage(message));
        }
    }

    public static void reply(ProcessContext ctx, From from, Object reply) {
        Deliveries.sendToAlias(ProcessCell.of(ctx), from.caller(), from.alias(), new Protocol.CallReply(from.alias(), reply));
    }

    public static void stop(ProcessContext ctx, ServerRef server, ExitReason reason, Timeout timeout) {
        Pid pid = resolve(ctx, server).filter(ctx::isAlive).orElseThrow(() -> new ExitException(ExitReason.NOPROC));
        MonitorRef monitor = ctx.monitor(pid);
        Deliveries.send(ProcessCell.of(ctx), pid, new Protocol.SystemStop(reason));
        Optional<Object> down = ctx.receive(message -> message instanceof Down d && d.ref().equals(monitor), timeout);
        if (down.isEmpty()) {
            ctx.demonitor(monitor, true);
            throw new ExitException(ExitReason.TIMEOUT);
        }
        ExitReason actual = ((Down) down.get()).reason();
        if (!actual.equals(reason)) {
            throw new ExitException(actual);
        }
    }

    static Optional<Pid> resolve(ProcessContext ctx, ServerRef server) {
        return switch (server) {
            case Pid pid -> Optional.of(pid);
            case ServerRef.Name name -> ctx.whereis(name.name());
            case ServerRef.Via via -> ViaNames.of(ProcessCell.of(ctx).kernel()).whereis(via); // G21: unresolved is noproc
        };
    }

    private static CallFailedException failed(ExitReason cause, Supplier<String> description) {
        return new CallFailedException(new ExitReason.CallFailed(cause, description.get()));
    }
}
