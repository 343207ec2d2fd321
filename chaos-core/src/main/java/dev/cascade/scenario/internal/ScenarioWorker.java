package dev.cascade.scenario.internal;

import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.InitResult;
import dev.cascade.genserver.Result;
import dev.cascade.runtime.Crash;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.scenario.WorkerNode;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The worker of a scenario file: a GenServer whose starts fail, are ignored or take time on chosen
 * attempts, that may trap exits and take time to stop when its supervisor asks, and that raises or
 * stops when the runner tells it to.
 */
final class ScenarioWorker implements GenServer<ScenarioWorker> {
    static final ExitReason INIT_FAILED = ExitReason.custom("init_failed");

    private final WorkerNode node;
    private final AtomicInteger attempts;
    private ProcessContext ctx;
    private boolean endingByFault;

    ScenarioWorker(WorkerNode node, AtomicInteger attempts) {
        this.node = node;
        this.attempts = attempts;
    }

    @Override
    public InitResult<ScenarioWorker> init(ProcessContext ctx) {
        this.ctx = ctx;
        int attempt = attempts.incrementAndGet();
        if (node.initDelay().isPositive()) {
            ctx.sleep(node.initDelay());
        }
        if (node.failOn().contains(attempt)) {
            return InitResult.stop(INIT_FAILED);
        }
        if (node.ignoreOn().contains(attempt)) {
            return InitResult.ignore();
        }
        ctx.trapExit(node.trapExit());
        return InitResult.ok(this);
    }

    @Override
    public Result<ScenarioWorker> handleInfo(Object message, ScenarioWorker self) {
        return switch (message) {
            case FaultCommand.Raise raise -> {
                endingByFault = true;
                throw new Crash(raise.reason());
            }
            case FaultCommand.Stop stop -> {
                endingByFault = true;
                yield Result.stop(ExitReason.ofWord(stop.reason()), self);
            }
            default -> Result.noReply(self); // a trapped exit signal from outside the tree: ignored
        };
    }

    /** Only a stop its supervisor asked for ({@code shutdown} from the parent) takes {@code terminate_delay_ms}. */
    @Override
    public void terminate(ExitReason reason, ScenarioWorker self) {
        if (!endingByFault && reason instanceof ExitReason.Shutdown && node.terminateDelay().isPositive()) {
            ctx.sleep(node.terminateDelay());
        }
    }
}
