package dev.cascade.chaos;

import dev.cascade.genserver.CallResult;
import dev.cascade.genserver.From;
import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.InitResult;
import dev.cascade.genserver.Result;
import dev.cascade.runtime.Crash;
import dev.cascade.runtime.ProcessContext;

/**
 * A small GenServer for the tests that talk to a tree: a balance that a cast raises by 1 and a plain
 * message by 10; the call {@code "balance"} answers it, {@code "crash"} crashes the server,
 * {@code "never"} is never answered.
 */
final class Account implements GenServer<Integer> {
    @Override
    public InitResult<Integer> init(ProcessContext ctx) {
        return InitResult.ok(0);
    }

    @Override
    public CallResult<Integer> handleCall(Object request, From from, Integer balance) {
        return switch (String.valueOf(request)) {
            case "balance" -> CallResult.reply(balance, balance);
            case "crash" -> throw new Crash("boom");
            case "never" -> Result.noReply(balance);
            default -> CallResult.reply("unknown request " + request, balance);
        };
    }

    @Override
    public Result<Integer> handleCast(Object message, Integer balance) {
        return Result.noReply(balance + 1);
    }

    @Override
    public Result<Integer> handleInfo(Object message, Integer balance) {
        return Result.noReply(balance + 10);
    }
}
