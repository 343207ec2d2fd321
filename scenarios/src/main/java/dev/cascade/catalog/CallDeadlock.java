package dev.cascade.catalog;

import dev.cascade.chaos.ChaosTree;
import dev.cascade.genserver.CallResult;
import dev.cascade.genserver.From;
import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.InitResult;
import dev.cascade.genserver.Next;
import dev.cascade.genserver.Result;
import dev.cascade.genserver.StartOptions;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.runtime.Scheduler;
import dev.cascade.runtime.ServerRef;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.SupervisorSpec;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The call-deadlock entry in Java: the file format's {@code sends} are made between messages, never
 * inside a handler, so a call made while handling a call cannot be written there. {@code orders}
 * reserves once, 100 ms after it starts, by calling {@code stock}; the bad {@code stock} handles that
 * call by calling {@code orders} back, the fixed one answers from its own state. The tree drives
 * itself, so a probe finds the cycle in its own traffic.
 */
final class CallDeadlock {
    private CallDeadlock() {}

    record Check() {}

    record Price() {}

    static Story[] stories() {
        return new Story[] {story("call-deadlock-bad", true), story("call-deadlock-fixed", false)};
    }

    static SupervisorSpec tree(boolean stockCallsBack, AtomicInteger reserved) {
        return SupervisorSpec.oneForOne().withIntensity(3, Duration.ofSeconds(10))
                .withChild(ChildSpec.worker("orders", ctx -> GenServer.startLink(ctx, new Orders(reserved), StartOptions.named("orders"))))
                .withChild(ChildSpec.worker("stock", ctx -> GenServer.startLink(ctx, new Stock(stockCallsBack), StartOptions.named("stock"))));
    }

    private static Story story(String name, boolean stockCallsBack) {
        return new Story.Code(name, "dev.cascade.catalog.CallDeadlock (stock " + (stockCallsBack ? "calls orders back" : "answers itself") + ")",
                tree(stockCallsBack, new AtomicInteger()), scheduler -> run(name, stockCallsBack, scheduler));
    }

    private static CatalogRun run(String name, boolean stockCallsBack, Scheduler scheduler) {
        AtomicInteger reserved = new AtomicInteger();
        SupervisorSpec spec = tree(stockCallsBack, reserved);
        try (ChaosTree tree = ChaosTree.builder(spec).scheduler(scheduler).start()) {
            Waits.until(tree, "orders' first reservation ended (reserved, or its call failed)",
                    () -> reserved.get() > 0 || tree.incarnations("root/orders") > 1, Duration.ofSeconds(15));
            return CatalogRun.of(name, tree, spec);
        }
    }

    /** Reserves once, 100 ms after it starts, by asking stock (its call waits 5 s, OTP's default). */
    record Orders(AtomicInteger reserved) implements GenServer<Integer> {
        public InitResult<Integer> init(ProcessContext ctx) {
            return InitResult.ok(0, Next.timeout(Duration.ofMillis(100)));
        }

        @Override
        public Result<Integer> handleInfo(Object message, Integer done) {
            if (message != GenServer.TIMEOUT || done > 0) {
                return Result.noReply(done);
            }
            GenServer.call(ProcessContext.current(), ServerRef.named("stock"), new Check());
            reserved.incrementAndGet();
            return Result.noReply(done + 1);
        }

        @Override
        public CallResult<Integer> handleCall(Object request, From from, Integer done) {
            return CallResult.reply(request instanceof Price ? 10 : "unknown request", done);
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
