package dev.cascade.genserver;

import dev.cascade.runtime.ExitReason;

import java.util.Objects;

/**
 * The result of {@link GenServer#init}: start with a state, ignore (no process), or stop with a
 * reason (otp-semantics 2.1).
 */
public sealed interface InitResult<S> {

    /** {@code {ok, State}} / {@code {ok, State, Next}}. */
    record Ok<S>(S state, Next next) implements InitResult<S> {
        public Ok {
            Objects.requireNonNull(next, "next");
        }
    }

    /** {@code ignore}: the starter gets {@link StartResult.Ignored}; the process exits {@code normal}. */
    record Ignore<S>() implements InitResult<S> {}

    /** {@code {stop, Reason}}: the starter gets {@link StartResult.Failed}; the process exits with the reason. */
    record Stop<S>(ExitReason reason) implements InitResult<S> {
        public Stop {
            Objects.requireNonNull(reason, "reason");
        }
    }

    static <S> InitResult<S> ok(S state) {
        return new Ok<>(state, Next.WAIT);
    }

    static <S> InitResult<S> ok(S state, Next next) {
        return new Ok<>(state, next);
    }

    static <S> InitResult<S> ignore() {
        return new Ignore<>();
    }

    static <S> InitResult<S> stop(ExitReason reason) {
        return new Stop<>(reason);
    }
}
