package dev.cascade.junit.examples.shop;

import dev.cascade.genserver.CallResult;
import dev.cascade.genserver.From;
import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.InitResult;
import dev.cascade.genserver.Result;
import dev.cascade.runtime.ProcessContext;

import java.util.HashMap;
import java.util.Map;

/** A key-value cache: {@link Put} by cast, {@link Get} by call. Its contents die with it. */
public final class Cache implements GenServer<Map<String, String>> {
    public record Put(String key, String value) {}

    public record Get(String key) {}

    @Override
    public InitResult<Map<String, String>> init(ProcessContext ctx) {
        return InitResult.ok(new HashMap<>());
    }

    @Override
    public CallResult<Map<String, String>> handleCall(Object request, From from, Map<String, String> entries) {
        return CallResult.reply(entries.getOrDefault(((Get) request).key(), "miss"), entries);
    }

    /** Plain messages are writes too (a sender without the GenServer API). */
    @Override
    public Result<Map<String, String>> handleInfo(Object message, Map<String, String> entries) {
        return handleCast(message, entries);
    }

    @Override
    public Result<Map<String, String>> handleCast(Object message, Map<String, String> entries) {
        Put put = (Put) message;
        entries.put(put.key(), put.value());
        return Result.noReply(entries);
    }
}
