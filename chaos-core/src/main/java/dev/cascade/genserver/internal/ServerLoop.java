package dev.cascade.genserver.internal;

import dev.cascade.genserver.CallResult;
import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.InitResult;
import dev.cascade.genserver.Next;
import dev.cascade.genserver.Result;
import dev.cascade.genserver.StartOptions;
import dev.cascade.genserver.StartResult;
import dev.cascade.runtime.ExitException;
import dev.cascade.runtime.ExitMessage;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.runtime.ServerRef;
import dev.cascade.runtime.Crash;
import dev.cascade.runtime.MailboxLimit;
import dev.cascade.runtime.Timeout;
import dev.cascade.runtime.internal.Interventions;
import dev.cascade.runtime.internal.ExitReasons;
import dev.cascade.runtime.internal.ProcessCell;
import dev.cascade.runtime.internal.ViaNames;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * The gen_server process: init and ack, then the main loop (otp-semantics 2.2-2.6). It ends by
 * throwing {@link ExitException} with the final reason; the process machinery does the rest.
 */
final class ServerLoop<S> {
    private final GenServer<S> server;
    private final Pid parent;
    private final Optional<String> name;
    private final Optional<ServerRef.Via> viaName;
    private final Consumer<StartResult> ack;
    private final MailboxLimit mailbox;
    private ProcessContext ctx;
    private ProcessCell cell;
    private S state;
    private Next next;

    @SuppressWarnings("unchecked")
    ServerLoop(GenServer<?> server, Pid parent, StartOptions options, Consumer<StartResult> ack) {
        this.server = (GenServer<S>) server;
        this.parent = parent;
        this.name = options.name();
        this.viaName = options.viaName();
        this.mailbox = options.mailbox();
        this.ack = ack;
    }

    void run(ProcessContext ctx) {
        this.ctx = ctx;
        this.cell = ProcessCell.of(ctx);
        cell.place().markGenServer();
        if (mailbox.bounded()) {
            ctx.limitMailbox(mailbox);
        }
        if (name.isPresent() && !ctx.register(name.get())) {
            Pid holder = ctx.whereis(name.get()).orElse(ctx.self());
            ack.accept(StartResult.alreadyStarted(holder));
            return; // G1: the loser exits normal
        }
        if (viaName.isPresent()) {
            Optional<Pid> holder;
            try {
                holder = ViaNames.of(ProcessCell.of(ctx).kernel()).register(ctx, viaName.get());
            } catch (IllegalArgumentException unknownRegistry) {
                failInit(ExitReason.raised(unknownRegistry)); // acked, so the starter learns why
                return;
            }
            if (holder.isPresent()) {
                ack.accept(StartResult.alreadyStarted(holder.get()));
                return; // G1
            }
        }
        init();
        while (true) {
            handleNext();
        }
    }

    private void init() {
        Interventions interventions = cell.kernel().interventions();
        if (interventions != null && cell.place().path() != null) {
            ExitReason failure = interventions.beforeInit(cell);
            if (failure != null) {
                failInit(failure);
                return;
            }
        }
        InitResult<S> result;
        try {
            result = server.init(ctx);
        } catch (Throwable thrown) {
            failInit(ExitReasons.of(thrown));
            return;
        }
        switch (result) {
            case InitResult.Ok<S> ok -> {
                state = ok.state();
                next = ok.next();
                ack.accept(new StartResult.Started(ctx.self()));
            }
            case InitResult.Ignore<S> ignore -> {
                releaseNames(); // G3
                ack.accept(new StartResult.Ignored());
                throw new ExitException(ExitReason.NORMAL);
            }
            case InitResult.Stop<S> stop -> failInit(stop.reason());
            case null -> failInit(new ExitReason.BadReturn(null));
        }
    }

    private void failInit(ExitReason reason) {
        releaseNames(); // G3: the name is free before the starter learns the result
        ack.accept(new StartResult.Failed(reason));
        throw new ExitException(reason); // G4: no terminate
    }

    private void releaseNames() {
        ProcessCell.of(ctx).unregister();
        viaName.ifPresent(via -> ViaNames.of(ProcessCell.of(ctx).kernel()).unregister(ctx, via));
    }

    private void handleNext() {
        switch (next) {
            case Next.Continue c -> apply(invoke(() -> server.handleContinue(c.value(), state)), null);
            case Next.Timeout t -> dispatch(cell.receiveToHandle(Timeout.of(t.duration())).orElse(GenServer.TIMEOUT));
            case Next.Wait w -> dispatch(cell.receiveToHandle(Timeout.INFINITY).orElseThrow());
            case Next.Hibernate h -> dispatch(cell.receiveToHandle(Timeout.INFINITY).orElseThrow());
        }
        cell.handledDone();
    }

    private void dispatch(Object message) {
        switch (message) {
            case ExitMessage exit when exit.from().equals(parent) -> stop(exit.reason(), state); // G7, 2.6 case 3
            case Protocol.SystemStop stop -> stop(stop.reason(), state);
            case FaultCommand.Raise raise -> {
                cell.place().endingByFault();
                apply(invoke(() -> {
                    throw new Crash(raise.reason());
                }), null);
            }
            case FaultCommand.Stop stop -> {
                cell.place().endingByFault();
                stop(stop.reason(), state);
            }
            case Protocol.CallRequest call -> {
                slowed(call.request(), call.from().caller(), call.timeout());
                apply(invoke(() -> server.handleCall(call.request(), call.from(), state)), call);
            }
            case Protocol.CastMessage cast -> {
                slowed(cast.message(), null, null);
                apply(invoke(() -> server.handleCast(cast.message(), state)), null);
            }
            default -> {
                slowed(message, null, null);
                apply(invoke(() -> server.handleInfo(message, state)), null);
            }
        }
    }

    /** A slow-handling fault on this server's path makes the handler take longer. */
    private void slowed(Object message, Pid caller, Timeout callTimeout) {
        Interventions interventions = cell.kernel().interventions();
        if (interventions != null && cell.place().path() != null) {
            interventions.beforeHandle(cell, message, caller, callTimeout);
        }
    }

    private interface Callback<S> {
        CallResult<S> run() throws Exception;
    }

    private CallResult<S> invoke(Callback<S> callback) {
        ProcessCell.of(ctx).checkAlive(); // a handler that outlived its killed process (P3) must not go on to a continue
        CallResult<S> result;
        try {
            result = callback.run();
        } catch (Throwable thrown) {
            stop(ExitReasons.of(thrown), state); // G10: terminate with the old state
            return null;
        }
        if (result == null) {
            stop(new ExitReason.BadReturn(null), state);
        }
        return result;
    }

    private void apply(CallResult<S> result, Protocol.CallRequest call) {
        switch (result) {
            case CallResult.Reply<S> reply -> {
                if (call == null) {
                    stop(new ExitReason.BadReturn(reply), state); // a reply outside handleCall
                }
                Calls.reply(ctx, call.from(), reply.reply());
                state = reply.state();
                next = reply.next();
            }
            case Result.NoReply<S> noReply -> {
                state = noReply.state();
                next = noReply.next();
            }
            case Result.Stop<S> stop -> stop(stop.reason(), stop.state());
            case CallResult.StopReply<S> stopReply -> {
                if (call == null) {
                    stop(new ExitReason.BadReturn(stopReply), state);
                }
                ExitReason reason = runTerminate(stopReply.reason(), stopReply.state());
                Calls.reply(ctx, call.from(), stopReply.reply()); // after terminate (2.3)
                throw new ExitException(reason);
            }
        }
    }

    /** Runs terminate and exits; never returns. */
    private void stop(ExitReason reason, S finalState) {
        throw new ExitException(runTerminate(reason, finalState));
    }

    private ExitReason runTerminate(ExitReason reason, S finalState) {
        // A killed process runs no terminate (2.6), not even when its busy handler, interrupted
        // by the kill (P3), throws afterwards and lands here.
        ProcessCell.of(ctx).checkAlive();
        try {
            server.terminate(reason, finalState);
            return reason;
        } catch (Throwable thrown) {
            return ExitReasons.of(thrown); // G26
        }
    }
}
