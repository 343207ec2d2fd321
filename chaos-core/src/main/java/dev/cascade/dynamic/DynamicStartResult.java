package dev.cascade.dynamic;

import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.Pid;
import dev.cascade.supervisor.Shutdown;

import java.util.Objects;

/**
 * The answer of {@link DynamicSupervisor#startChild} (otp-semantics 4.2): Elixir's
 * {@code {:ok, pid} | :ignore | {:error, reason} | {:error, :max_children}}.
 *
 * <pre>{@code
 * switch (DynamicSupervisor.startChild(ctx, sup, spec)) {
 *     case DynamicStartResult.Started s -> use(s.pid());
 *     case DynamicStartResult.Ignored i -> {}
 *     case DynamicStartResult.Failed f -> log(f.reason().describe());
 *     case DynamicStartResult.MaxChildren m -> backOff();
 * }
 * }</pre>
 */
public sealed interface DynamicStartResult {

    /** {@code {:ok, pid}}: the child runs and is supervised. */
    record Started(Pid pid) implements DynamicStartResult {
        public Started {
            Objects.requireNonNull(pid, "pid");
        }
    }

    /** {@code :ignore}: the start returned ignore; nothing is stored (unlike OTP's {@code {ok, undefined}}). */
    record Ignored() implements DynamicStartResult {}

    /**
     * {@code {:error, reason}}: the start failed, or the spec was refused before anything was
     * started (reason {@link InvalidShutdown}).
     */
    record Failed(ExitReason reason) implements DynamicStartResult {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** {@code {:error, :max_children}}: the supervisor already has as many children as its limit allows. */
    record MaxChildren() implements DynamicStartResult {}

    /**
     * The reason term of a spec whose shutdown a dynamic supervisor refuses, Elixir's
     * {@code {:invalid_shutdown, 0}}: unlike OTP, a zero timeout is invalid here.
     */
    record InvalidShutdown(Shutdown shutdown) {
        @Override
        public String toString() {
            return "invalid_shutdown: " + shutdown + " (a DynamicSupervisor child's shutdown must be a timeout > 0, "
                    + "Shutdown.INFINITY or Shutdown.BRUTAL_KILL; set it with ChildSpec.withShutdown)";
        }
    }
}
