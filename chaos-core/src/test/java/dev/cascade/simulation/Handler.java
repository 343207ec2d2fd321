package dev.cascade.simulation;

import dev.cascade.genserver.CallResult;
import dev.cascade.genserver.From;
import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.InitResult;
import dev.cascade.genserver.Result;
import dev.cascade.runtime.ProcessContext;

/** A test server whose calls (and casts) are answered by a function that gets the server's own context. */
final class Handler implements GenServer<Object> {

    @FunctionalInterface
    interface Body {
        Object apply(ProcessContext ctx, Object request) throws Exception;
    }

    private final Body onCall;
    private final Body onCast;
    private ProcessContext ctx;

    private Handler(Body onCall, Body onCast) {
        this.onCall = onCall;
        this.onCast = onCast;
    }

    /** Answers each call with {@code onCall}'s result. */
    static Handler calls(Body onCall) {
        return new Handler(onCall, (ctx, message) -> null);
    }

    /** Answers calls with {@code onCall}, runs {@code onCast} for each cast. */
    static Handler callsAndCasts(Body onCall, Body onCast) {
        return new Handler(onCall, onCast);
    }

    @Override
    public InitResult<Object> init(ProcessContext ctx) {
        this.ctx = ctx;
        return InitResult.ok("state");
    }

    @Override
    public CallResult<Object> handleCall(Object request, From from, Object state) throws Exception {
        return CallResult.reply(onCall.apply(ctx, request), state);
    }

    @Override
    public Result<Object> handleCast(Object message, Object state) throws Exception {
        onCast.apply(ctx, message);
        return Result.noReply(state);
    }
}
