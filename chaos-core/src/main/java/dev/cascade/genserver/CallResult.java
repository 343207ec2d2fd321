package dev.cascade.genserver;

import dev.cascade.runtime.ExitReason;

import java.util.Objects;

/**
 * The result of {@link GenServer#handleCall}: reply, don't reply yet, or stop (otp-semantics 2.3).
 * {@link Result} (no reply, stop) is also a valid call result.
 */
public sealed interface CallResult<S> permits Result, CallResult.Reply, CallResult.StopReply {

    /** {@code {reply, Reply, State[, Next]}}. */
    record Reply<S>(Object reply, S state, Next next) implements CallResult<S> {
        public Reply {
            Objects.requireNonNull(next, "next");
        }
    }

    /** {@code {stop, Reason, Reply, State}}: {@code terminate} runs first, then the reply is sent, then the process exits. */
    record StopReply<S>(ExitReason reason, Object reply, S state) implements CallResult<S> {
        public StopReply {
            Objects.requireNonNull(reason, "reason");
        }
    }

    static <S> CallResult<S> reply(Object reply, S state) {
        return new Reply<>(reply, state, Next.WAIT);
    }

    static <S> CallResult<S> reply(Object reply, S state, Next next) {
        return new Reply<>(reply, state, next);
    }

    static <S> CallResult<S> stopAndReply(ExitReason reason, Object reply, S state) {
        return new StopReply<>(reason, reply, state);
    }
}
