package dev.cascade.dynamic;

/**
 * The answer of {@link DynamicSupervisor#terminateChild}: Elixir's {@code :ok | {:error, :not_found}}.
 *
 * <pre>{@code
 * if (DynamicSupervisor.terminateChild(ctx, sup, pid) == TerminateChildResult.NOT_FOUND) { ... }
 * }</pre>
 */
public enum TerminateChildResult {
    /** The child was stopped by the shutdown protocol (or, if it was restarting, dropped) and removed. */
    OK,
    /** The pid is not a child of this supervisor. */
    NOT_FOUND
}
