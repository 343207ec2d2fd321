package dev.cascade.catalog;

import dev.cascade.chaos.ChaosTree;
import dev.cascade.genserver.CallResult;
import dev.cascade.genserver.From;
import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.InitResult;
import dev.cascade.genserver.StartOptions;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.runtime.Scheduler;
import dev.cascade.runtime.ServerRef;
import dev.cascade.runtime.Timeout;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.SupervisorSpec;

import java.time.Duration;

/**
 * The call-deadlock entry in Java: the file format's {@code sends} are made between messages, never
 * inside a handler, so a call made while handling a call cannot be written there. {@code orders}
 * handles {@code Reserve} by calling {@code stock}; the bad {@code stock} handles that call by calling
 * {@code orders} back, the fixed one answers from its own state.
 */
final class CallDeadlock {
    private CallDeadlock() {}

    record Reserve() {}

    record Check() {}

    record Price() {}

    static Story[] stories() {
        return new Story[] {story("call-deadlock-bad", true), story("call-deadlock-fixed", false)};
    }

    static SupervisorSpec tree(boolean stockCallsBack) {
        return SupervisorSpec.oneForOne().withIntensity(3, Duration.ofSeconds(10))
                .withChild(ChildSpec.worker("orders", ctx -> GenServer.startLink(ctx, new Orders(), StartOptions.named("orders"))))
                .withChild(ChildSpec.worker("stock", ctx -> GenServer.startLink(ctx, new Stock(stockCallsBack), StartOptions.named("stock"))));
    }

    private static Story story(String name, boolean stockCallsBack) {
        return new Story.Code(name, "dev.cascade.catalog.CallDeadlock (stock " + (stockCallsBack ? "calls orders back" : "answers itself") + ")",
                scheduler -> run(name, tree(stockCallsBack), scheduler));
    }

    private static CatalogRun run(String name, SupervisorSpec spec, Scheduler scheduler) {
        try (ChaosTree tree = ChaosTree.builder(spec).scheduler(scheduler).start()) {
            tree.call("root/orders", new Reserve(), Timeout.of(Duration.ofSeconds(10)));
            Waits.until(tree, "orders and stock are running",
                    () -> tree.whereis("root/orders").isPresent() && tree.whereis("root/stock").isPresent(), Duration.ofSeconds(10));
            return CatalogRun.of(name, tree, spec);
        }
    }

    /** Reserves by asking stock. */
    static final class Orders implements GenServer<Integer> {
        public InitResult<Integer> init(ProcessContext ctx) {
            return InitResult.ok(0);
        }

        @Override
        public CallResult<Integer> handleCall(Object request, From from, Integer reserved) {
            return switch (request) {
                case Reserve reserve -> CallResult.reply(GenServer.call(ProcessContext.current(), ServerRef.named("stock"), new Check()), reserved + 1);
                case Price price -> CallResult.reply(10, reserved);
                default -> CallResult.reply("unknown request", reserved);
            };
        }
    }

    /** Checks stock; the bad one asks orders for the price while orders waits for it. */
    record Stock(boolean callsBack) implements GenServer<Integer> {
        public InitResult<Integer> init(ProcessContext ctx) {
            return InitResult.ok(10);
        }

        @Override
        public CallResult<Integer> handleCall(Object request, From from, Integer price) {
            if (!(request instanceof Check)) {
                return CallResult.reply("unknown request", price);
            }
            Object current = callsBack ? GenServer.call(ProcessContext.current(), ServerRef.named("orders"), new Price()) : price;
            return CallResult.reply("in stock at " + current, price);
        }
    }
}
