package dev.cascade.trace;

import dev.cascade.genserver.CallResult;
import dev.cascade.genserver.From;
import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.InitResult;
import dev.cascade.genserver.Result;
import dev.cascade.runtime.ProcessContext;

/** A GenServer that takes whatever it gets and does nothing else: the trace tests' plain worker. */
final class Idle implements GenServer<Integer> {
    @Override
    public InitResult<Integer> init(ProcessContext ctx) {
        return InitResult.ok(0);
    }

    @Override
    public CallResult<Integer> handleCall(Object request, From from, Integer n) {
        return CallResult.reply(request, n + 1);
    }

    @Override
    public Result<Integer> handleCast(Object message, Integer n) {
        return Result.noReply(n + 1);
    }

    @Override
    public Result<Integer> handleInfo(Object message, Integer n) {
        return Result.noReply(n + 1);
    }
}
