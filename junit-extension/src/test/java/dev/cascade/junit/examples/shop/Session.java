package dev.cascade.junit.examples.shop;

import dev.cascade.genserver.CallResult;
import dev.cascade.genserver.From;
import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.InitResult;
import dev.cascade.runtime.ProcessContext;

/** One user's session: counts the pages it was asked for. Registered in the {@code sessions} registry under the user. */
public final class Session implements GenServer<Integer> {
    /** A page view; answers how many the session has seen. */
    public record View(String page) {}

    @Override
    public InitResult<Integer> init(ProcessContext ctx) {
        return InitResult.ok(0);
    }

    @Override
    public CallResult<Integer> handleCall(Object request, From from, Integer views) {
        return CallResult.reply(views + 1, views + 1);
    }
}
