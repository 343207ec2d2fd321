package dev.cascade.dynamic.internal;

import dev.cascade.runtime.Pid;
import dev.cascade.supervisor.ChildSpec;

/**
 * The dynamic supervisor's API requests and its own retry message.
 *
 * <pre>{@code
 * GenServer.call(ctx, sup, new Requests.CountChildren(), Timeout.INFINITY);   // DynamicSupervisor.countChildren
 * }</pre>
 */
public final class Requests {
    private Requests() {}

    public record StartChild(ChildSpec spec) {}

    public record TerminateChild(Pid pid) {}

    public record WhichChildren() {}

    public record CountChildren() {}

    /**
     * Elixir's {@code {:"$gen_restart", pid}}: a plain message the supervisor sends itself after a
     * failed restart, so the retry queues behind everything already waiting.
     */
    record RestartRetry(Pid pid) {}
}
