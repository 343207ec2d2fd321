package dev.cascade.junit.examples.shop;

import dev.cascade.genserver.CallResult;
import dev.cascade.genserver.From;
import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.InitResult;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.runtime.ServerRef;
import dev.cascade.runtime.Timeout;

/**
 * Takes payments and books them in the {@link Ledger}, waiting at most 500 ms for it. A ledger that does not
 * answer in time makes the call fail, which crashes the gateway (let it crash: its supervisor starts a fresh one).
 */
public final class Gateway implements GenServer<ProcessContext> {
    public static final Timeout LEDGER_TIMEOUT = Timeout.ofMillis(500);

    /** Pay {@code cents} from {@code account}. */
    public record Pay(String account, long cents) {}

    @Override
    public InitResult<ProcessContext> init(ProcessContext ctx) {
        return InitResult.ok(ctx);
    }

    @Override
    public CallResult<ProcessContext> handleCall(Object request, From from, ProcessContext ctx) {
        if (request instanceof Pay pay) {
            Object balance = GenServer.call(ctx, ServerRef.named("ledger"), new Ledger.Charge(pay.account(), pay.cents()), LEDGER_TIMEOUT);
            return CallResult.reply(balance, ctx);
        }
        throw new IllegalArgumentException("the gateway does not understand " + request);
    }
}
