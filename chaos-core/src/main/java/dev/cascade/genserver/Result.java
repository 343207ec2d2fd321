package dev.cascade.genserver;

import dev.cascade.runtime.ExitReason;

import java.util.Objects;

/**
 * The result of {@code handleCast}, {@code handleInfo} and {@code handleContinue} (and a call
 * result without a reply): carry on with a new state, or stop.
 */
public sealed interface Result<S> extends CallResult<S> permits Result.NoReply, Result.Stop {

    /** {@code {noreply, State[, Next]}}. From {@code handleCall}, the caller waits for {@link GenServer#reply}. */
    record NoReply<S>(S state, Next next) implements Result<S> {
        public NoReply {
            Objects.requireNonNull(next, "next");
        }
    }

    /** {@code {stop, Reason, State}}: {@code terminate(reason, state)} runs, then the process exits with the reason. */
    record Stop<S>(ExitReason reason, S state) implements Result<S> {
        public Stop {
            Objects.requireNonNull(reason, "reason");
        }
    }

    static <S> Result<S> noReply(S state) {
        return new NoReply<>(state, Next.WAIT);
    }

    static <S> Result<S> noReply(S state, Next next) {
        return new NoReply<>(state, next);
    }

    static <S> Result<S> stop(ExitReason reason, S state) {
        return new Stop<>(reason, state);
    }
}
