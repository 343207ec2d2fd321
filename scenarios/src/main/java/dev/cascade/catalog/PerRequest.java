package dev.cascade.catalog;

import dev.cascade.chaos.ChaosTree;
import dev.cascade.chaos.Fault;
import dev.cascade.chaos.FloodMessage;
import dev.cascade.dynamic.ChildLimit;
import dev.cascade.dynamic.DynamicStartResult;
import dev.cascade.dynamic.DynamicSupervisor;
import dev.cascade.dynamic.DynamicSupervisorSpec;
import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.InitResult;
import dev.cascade.genserver.Next;
import dev.cascade.genserver.Result;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.runtime.Scheduler;
import dev.cascade.runtime.ServerRef;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.Restart;
import dev.cascade.supervisor.SupervisorSpec;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The process-per-request entry in Java: a {@code listener} gets a burst of {@value #REQUESTS}
 * requests (a flood of plain messages, each one request) and starts a process per request, each busy for 500 ms with a slow backend. The bad one
 * spawns them bare and without limit; the fixed one starts them as temporary children of the
 * {@code pool} DynamicSupervisor with {@code maxChildren} {@value #LIMIT}, and turns away the
 * requests beyond it (counted, so the caller can shed or retry).
 */
final class PerRequest {
    static final int REQUESTS = 500;
    static final int LIMIT = 50;

    private PerRequest() {}

    static Story[] stories() {
        return new Story[] {story("process-per-request-bad", false), story("process-per-request-fixed", true)};
    }

    private static Story story(String name, boolean pooled) {
        return new Story.Code(name, "dev.cascade.catalog.PerRequest (" + (pooled ? "a DynamicSupervisor with maxChildren " + LIMIT
                : "a bare spawn per request") + ")", tree(pooled, new AtomicInteger()), scheduler -> run(name, pooled, scheduler));
    }

    static SupervisorSpec tree(boolean pooled, AtomicInteger handled) {
        SupervisorSpec spec = SupervisorSpec.oneForOne().withIntensity(3, Duration.ofSeconds(5))
                .withChild(ChildSpec.worker("listener", () -> new Listener(pooled, handled)));
        return pooled ? spec.withChild(ChildSpec.dynamicSupervisor("pool",
                DynamicSupervisorSpec.DEFAULT.withMaxChildren(ChildLimit.atMost(LIMIT)), "pool")) : spec;
    }

    private static CatalogRun run(String name, boolean pooled, Scheduler scheduler) {
        AtomicInteger handled = new AtomicInteger();
        SupervisorSpec spec = tree(pooled, handled);
        try (ChaosTree tree = ChaosTree.builder(spec).scheduler(scheduler).start()) {
            tree.inject(Fault.flood("root/listener", REQUESTS, FloodMessage.NUMBERED));
            Waits.until(tree, "the burst was taken", () -> handled.get() >= REQUESTS, Duration.ofSeconds(10));
            tree.runFor(Duration.ofSeconds(1));
            return CatalogRun.of(name, tree, spec);
        }
    }

    /** Takes requests; the state counts those turned away. */
    record Listener(boolean pooled, AtomicInteger handled) implements GenServer<Integer> {
        public InitResult<Integer> init(ProcessContext ctx) {
            return InitResult.ok(0);
        }

        /** Each plain message is one request. */
        @Override
        public Result<Integer> handleInfo(Object message, Integer rejected) {
            ProcessContext ctx = ProcessContext.current();
            int turnedAway = rejected;
            if (pooled) {
                DynamicStartResult started = DynamicSupervisor.startChild(ctx, ServerRef.named("pool"),
                        ChildSpec.worker("request" + handled.get(), RequestHandler::new).withRestart(Restart.TEMPORARY));
                turnedAway += started instanceof DynamicStartResult.MaxChildren ? 1 : 0;
            } else {
                ctx.spawn(request -> request.sleep(RequestHandler.BUSY));
            }
            handled.incrementAndGet();
            return Result.noReply(turnedAway);
        }
    }

    /** One request: busy with a slow backend for 500 ms, then done. */
    static final class RequestHandler implements GenServer<Integer> {
        static final Duration BUSY = Duration.ofMillis(500);

        public InitResult<Integer> init(ProcessContext ctx) {
            return InitResult.ok(0, Next.timeout(BUSY));
        }

        @Override
        public Result<Integer> handleInfo(Object message, Integer state) {
            return message == GenServer.TIMEOUT ? Result.stop(new ExitReason.Normal(), state) : Result.noReply(state);
        }
    }
}
