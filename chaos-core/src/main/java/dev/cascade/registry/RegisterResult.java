package dev.cascade.registry;

import dev.cascade.runtime.Pid;

import java.util.Objects;

/**
 * The answer of {@link Registry#register}: Elixir's {@code {:ok, owner}} or
 * {@code {:error, {:already_registered, pid}}}.
 *
 * <pre>{@code
 * if (Registry.register(ctx, "sessions", userId) instanceof RegisterResult.AlreadyRegistered taken) {
 *     GenServer.cast(ctx, taken.pid(), "duplicate login");
 * }
 * }</pre>
 */
public sealed interface RegisterResult {

    /** The calling process now holds the key. */
    record Registered() implements RegisterResult {}

    /** A live process holds the key already: {@code pid}, which may be the caller itself. */
    record AlreadyRegistered(Pid pid) implements RegisterResult {
        public AlreadyRegistered {
            Objects.requireNonNull(pid, "pid");
        }
    }
}
