package dev.cascade.catalog;

import dev.cascade.agent.MethodMatch;
import dev.cascade.agent.UserCode;
import dev.cascade.chaos.ChaosTree;
import dev.cascade.chaos.Fault;
import dev.cascade.genserver.CallResult;
import dev.cascade.genserver.From;
import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.InitResult;
import dev.cascade.genserver.Next;
import dev.cascade.genserver.Result;
import dev.cascade.genserver.StartOptions;
import dev.cascade.runtime.ExitException;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.runtime.Scheduler;
import dev.cascade.runtime.ServerRef;
import dev.cascade.runtime.Timeout;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.SupervisorSpec;
import example.pricing.PriceClient;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The blocking-call entry in Java, through the agent: {@code pricing} answers each {@code Quote} call
 * with {@link PriceClient#quote}, a method of user code that the fault makes take 3 s once. Three
 * shops call {@code pricing} 100 ms after they start, each with a 1 s timeout. The bad server calls
 * the client inside {@code handleCall}, so the two calls queued behind the slow one time out too; the
 * fixed one hands each quote to one of three {@code quoter} workers (round robin) that calls the
 * client and answers the caller with {@code GenServer.reply}, and returns at once: only the caller
 * whose own quote is slow waits.
 */
final class BlockingHandler {
    static final MethodMatch QUOTE = MethodMatch.method(PriceClient.class, "quote");

    static final int QUOTERS = 3;

    private BlockingHandler() {}

    record Quote(String item) {}

    static Story[] stories() {
        return new Story[] {story("blocking-call-in-handler-bad", false), story("blocking-call-in-handler-fixed", true)};
    }

    private static Story story(String name, boolean replyLater) {
        return new Story.Code(name, "dev.cascade.catalog.BlockingHandler (" + (replyLater ? "the quote in a helper, replied later"
                : "the quote inside handleCall") + ")", tree(replyLater, new AtomicInteger()), scheduler -> run(name, replyLater, scheduler));
    }

    static SupervisorSpec tree(boolean replyLater, AtomicInteger done) {
        SupervisorSpec spec = SupervisorSpec.oneForOne().withIntensity(3, Duration.ofSeconds(5))
                .withChild(ChildSpec.worker("pricing", ctx -> GenServer.startLink(ctx, new Pricing(replyLater, new PriceClient()),
                        StartOptions.named("pricing"))));
        if (replyLater) {
            for (int i = 0; i < QUOTERS; i++) {
                String quoter = "quoter_" + i;
                spec = spec.withChild(ChildSpec.worker(quoter, ctx -> GenServer.startLink(ctx, new Quoter(new PriceClient()),
                        StartOptions.named(quoter))));
            }
        }
        for (String shop : new String[] {"shop_a", "shop_b", "shop_c"}) {
            spec = spec.withChild(ChildSpec.worker(shop, () -> new Shop(done)));
        }
        return spec;
    }

    private static CatalogRun run(String name, boolean replyLater, Scheduler scheduler) {
        AtomicInteger done = new AtomicInteger();
        SupervisorSpec spec = tree(replyLater, done);
        try (ChaosTree tree = ChaosTree.builder(spec).scheduler(scheduler).instrument(UserCode.methods(QUOTE)).start()) {
            tree.inject(Fault.delayIn(QUOTE, Duration.ofSeconds(3)).onCall(1));
            Waits.until(tree, "every shop's call ended", () -> done.get() >= 3, Duration.ofSeconds(10));
            tree.runFor(Duration.ofSeconds(3));
            return CatalogRun.of(name, tree, spec);
        }
    }

    /** Prices items with the user's client. */
    record Pricing(boolean replyLater, PriceClient client) implements GenServer<Integer> {
        public InitResult<Integer> init(ProcessContext ctx) {
            return InitResult.ok(0);
        }

        @Override
        public CallResult<Integer> handleCall(Object request, From from, Integer served) {
            if (!(request instanceof Quote quote)) {
                return CallResult.reply("unknown request", served);
            }
            if (!replyLater) {
                return CallResult.reply(client.quote(quote.item()), served + 1);
            }
            GenServer.cast(ProcessContext.current(), ServerRef.named("quoter_" + served % QUOTERS), new Asked(quote, from));
            return Result.noReply(served + 1);
        }
    }

    /** A quote handed to a quoter, with the caller to answer. */
    record Asked(Quote quote, From from) {}

    /** Calls the client for one quote at a time and answers the caller directly. */
    record Quoter(PriceClient client) implements GenServer<Integer> {
        public InitResult<Integer> init(ProcessContext ctx) {
            return InitResult.ok(0);
        }

        @Override
        public Result<Integer> handleCast(Object message, Integer quoted) {
            if (message instanceof Asked asked) {
                GenServer.reply(ProcessContext.current(), asked.from(), client.quote(asked.quote().item()));
            }
            return Result.noReply(quoted + 1);
        }
    }

    /** Asks for one quote 100 ms after it starts, with a 1 s timeout; a timeout is caught and counted. */
    record Shop(AtomicInteger done) implements GenServer<Integer> {
        public InitResult<Integer> init(ProcessContext ctx) {
            return InitResult.ok(0, Next.timeout(Duration.ofMillis(100)));
        }

        @Override
        public Result<Integer> handleInfo(Object message, Integer asked) {
            if (message != GenServer.TIMEOUT || asked > 0) {
                return Result.noReply(asked);
            }
            try {
                GenServer.call(ProcessContext.current(), ServerRef.named("pricing"), new Quote("apple"), Timeout.of(Duration.ofSeconds(1)));
            } catch (ExitException timedOut) {
                // the trace records the timeout (CallTimedOut); the shop carries on without a quote
            } finally {
                done.incrementAndGet();
            }
            return Result.noReply(asked + 1);
        }
    }
}
