package dev.cascade.conformance.genserver;

import dev.cascade.genserver.CallResult;
import dev.cascade.genserver.From;
import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.InitResult;
import dev.cascade.genserver.Result;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ProcessContext;

/**
 * A GenServer assembled from lambdas, so that each test states only the callbacks it is about.
 * A callback left out keeps {@link GenServer}'s default. Every callback gets the server's own
 * context. Start each instance once.
 *
 * <pre>{@code
 * var server = ScriptedServer.<Integer>init(ctx -> InitResult.ok(0))
 *         .onCast((ctx, message, n) -> Result.noReply(n + 1))
 *         .reportTerminateTo(ctx.self());
 * }</pre>
 */
final class ScriptedServer<S> implements GenServer<S> {

    @FunctionalInterface
    interface Init<S> {
        InitResult<S> apply(ProcessContext ctx) throws Exception;
    }

    @FunctionalInterface
    interface OnCall<S> {
        CallResult<S> apply(ProcessContext ctx, Object request, From from, S state) throws Exception;
    }

    /** A cast, an info message or a continue value. */
    @FunctionalInterface
    interface OnMessage<S> {
        Result<S> apply(ProcessContext ctx, Object message, S state) throws Exception;
    }

    @FunctionalInterface
    interface OnTerminate<S> {
        void apply(ProcessContext ctx, ExitReason reason, S state) throws Exception;
    }

    /** What {@link #reportTerminateTo} sends: terminate ran with this reason and state. */
    record Terminated(ExitReason reason, Object state) {}

    private final Init<S> init;
    private final OnCall<S> onCall;
    private final OnMessage<S> onCast;
    private final OnMessage<S> onInfo;
    private final OnMessage<S> onContinue;
    private final OnTerminate<S> onTerminate;
    private ProcessContext ctx; // the server's own, set by init on its thread

    private ScriptedServer(Init<S> init, OnCall<S> onCall, OnMessage<S> onCast, OnMessage<S> onInfo,
                           OnMessage<S> onContinue, OnTerminate<S> onTerminate) {
        this.init = init;
        this.onCall = onCall;
        this.onCast = onCast;
        this.onInfo = onInfo;
        this.onContinue = onContinue;
        this.onTerminate = onTerminate;
    }

    static <S> ScriptedServer<S> init(Init<S> init) {
        return new ScriptedServer<>(init, null, null, null, null, null);
    }

    /** A server whose init returns {@code ok(state)}. */
    static <S> ScriptedServer<S> withState(S state) {
        return init(ctx -> InitResult.ok(state));
    }

    ScriptedServer<S> onCall(OnCall<S> handler) {
        return new ScriptedServer<>(init, handler, onCast, onInfo, onContinue, onTerminate);
    }

    ScriptedServer<S> onCast(OnMessage<S> handler) {
        return new ScriptedServer<>(init, onCall, handler, onInfo, onContinue, onTerminate);
    }

    ScriptedServer<S> onInfo(OnMessage<S> handler) {
        return new ScriptedServer<>(init, onCall, onCast, handler, onContinue, onTerminate);
    }

    ScriptedServer<S> onContinue(OnMessage<S> handler) {
        return new ScriptedServer<>(init, onCall, onCast, onInfo, handler, onTerminate);
    }

    ScriptedServer<S> onTerminate(OnTerminate<S> handler) {
        return new ScriptedServer<>(init, onCall, onCast, onInfo, onContinue, handler);
    }

    /** terminate sends {@link Terminated} to {@code observer}. */
    ScriptedServer<S> reportTerminateTo(Pid observer) {
        return onTerminate((ctx, reason, state) -> ctx.send(observer, new Terminated(reason, state)));
    }

    @Override
    public InitResult<S> init(ProcessContext ctx) throws Exception {
        this.ctx = ctx;
        return init.apply(ctx);
    }

    @Override
    public CallResult<S> handleCall(Object request, From from, S state) throws Exception {
        return onCall == null ? GenServer.super.handleCall(request, from, state) : onCall.apply(ctx, request, from, state);
    }

    @Override
    public Result<S> handleCast(Object message, S state) throws Exception {
        return onCast == null ? GenServer.super.handleCast(message, state) : onCast.apply(ctx, message, state);
    }

    @Override
    public Result<S> handleInfo(Object message, S state) throws Exception {
        return onInfo == null ? GenServer.super.handleInfo(message, state) : onInfo.apply(ctx, message, state);
    }

    @Override
    public Result<S> handleContinue(Object value, S state) throws Exception {
        return onContinue == null ? GenServer.super.handleContinue(value, state) : onContinue.apply(ctx, value, state);
    }

    @Override
    public void terminate(ExitReason reason, S state) throws Exception {
        if (onTerminate == null) {
            GenServer.super.terminate(reason, state);
        } else {
            onTerminate.apply(ctx, reason, state);
        }
    }
}
