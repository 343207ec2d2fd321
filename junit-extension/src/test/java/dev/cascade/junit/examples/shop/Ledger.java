package dev.cascade.junit.examples.shop;

import dev.cascade.genserver.CallResult;
import dev.cascade.genserver.From;
import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.InitResult;
import dev.cascade.runtime.ProcessContext;

import java.util.HashMap;
import java.util.Map;

/** Balances per account; registered as {@code ledger}. A {@link Charge} books it and answers the new balance. */
public final class Ledger implements GenServer<Map<String, Long>> {
    /** Charge {@code cents} to {@code account}. */
    public record Charge(String account, long cents) {}

    /** Ask for an account's balance. */
    public record Balance(String account) {}

    @Override
    public InitResult<Map<String, Long>> init(ProcessContext ctx) {
        return InitResult.ok(new HashMap<>());
    }

    @Override
    public CallResult<Map<String, Long>> handleCall(Object request, From from, Map<String, Long> balances) {
        return switch (request) {
            case Charge charge -> CallResult.reply(balances.merge(charge.account(), charge.cents(), Long::sum), balances);
            case Balance balance -> CallResult.reply(balances.getOrDefault(balance.account(), 0L), balances);
            default -> throw new IllegalArgumentException("the ledger does not understand " + request);
        };
    }
}
