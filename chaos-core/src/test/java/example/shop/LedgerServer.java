package example.shop;

import dev.cascade.genserver.CallResult;
import dev.cascade.genserver.From;
import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.InitResult;
import dev.cascade.runtime.ProcessContext;

import java.sql.SQLException;

/**
 * Charges accounts: for each {@link Charge} call it fetches a quote, reserves the item and saves the
 * charge. A failed save (a {@link SQLException}) is answered {@code failed: <message>}; anything
 * unchecked crashes the server, as it would in a real handler.
 */
public final class LedgerServer implements GenServer<ProcessContext> {
    private final SlowClient client;
    private final FlakyRepository repository;
    private final InventoryGateway gateway;

    public LedgerServer(SlowClient client, FlakyRepository repository, InventoryGateway gateway) {
        this.client = client;
        this.repository = repository;
        this.gateway = gateway;
    }

    @Override
    public InitResult<ProcessContext> init(ProcessContext ctx) {
        return InitResult.ok(ctx);
    }

    @Override
    public CallResult<ProcessContext> handleCall(Object request, From from, ProcessContext ctx) {
        Charge charge = (Charge) request;
        try {
            Quote quote = client.fetch(charge.item());
            gateway.reserve(charge.item(), 1);
            repository.save(charge.account(), quote.cents());
            return CallResult.reply(quote, ctx);
        } catch (SQLException failed) {
            return CallResult.reply("failed: " + failed.getMessage(), ctx);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return CallResult.reply("interrupted", ctx);
        }
    }
}
