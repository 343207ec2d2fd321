package dev.cascade.benchmarks.workloads;

import dev.cascade.genserver.CallResult;
import dev.cascade.genserver.From;
import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.InitResult;
import dev.cascade.genserver.Result;
import dev.cascade.runtime.ProcessContext;

/**
 * The GenServer of W3, W4 and W6: counts the casts it handles, and answers every call with the
 * number of casts and calls it has handled before it, so a caller can check each answer.
 */
final class Counter implements GenServer<Long> {
    /** The call that W3 makes once every cast is sent, and W4 and W6 make to check a reply. */
    static final Object GET = "get";

    @Override
    public InitResult<Long> init(ProcessContext ctx) {
        return InitResult.ok(0L);
    }

    @Override
    public CallResult<Long> handleCall(Object request, From from, Long handled) {
        return CallResult.reply(handled, handled + 1);
    }

    @Override
    public Result<Long> handleCast(Object message, Long handled) {
        return Result.noReply(handled + 1);
    }
}
