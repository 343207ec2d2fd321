package dev.cascade.conformance;

import dev.cascade.runtime.Down;
import dev.cascade.runtime.ExitMessage;
import dev.cascade.runtime.MonitorRef;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.runtime.Timeout;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * Receiving in conformance tests. What must come is waited for generously; what must not come is
 * looked for briefly, and only after a causal barrier (a reply, a DOWN) that proves the sender has
 * already done whatever would have produced it.
 */
public final class Inbox {
    /** How long to wait for a message that must come. */
    public static final Timeout MUST_ARRIVE = Timeout.ofMillis(5_000);
    /** How long to look for a message that must not come, after a causal barrier. */
    public static final Timeout MUST_NOT_ARRIVE = Timeout.ofMillis(100);

    private Inbox() {}

    /** The first message in the mailbox. */
    public static Object next(ProcessContext ctx) {
        return ctx.receive(MUST_ARRIVE).orElseThrow(() -> new AssertionError(
                "expected a message in the mailbox of " + ctx.self() + " within " + MUST_ARRIVE + " but none came"));
    }

    /** The first message of {@code type}, leaving the others queued. */
    public static <T> T next(ProcessContext ctx, Class<T> type) {
        return next(ctx, type, message -> true);
    }

    /** The first message of {@code type} that {@code match} accepts, leaving the others queued. */
    public static <T> T next(ProcessContext ctx, Class<T> type, Predicate<? super T> match) {
        return type.cast(ctx.receive(message -> type.isInstance(message) && match.test(type.cast(message)), MUST_ARRIVE)
                .orElseThrow(() -> new AssertionError("expected a " + type.getSimpleName() + " in the mailbox of "
                        + ctx.self() + " within " + MUST_ARRIVE + " but none came")));
    }

    /** The DOWN of monitor {@code ref}. */
    public static Down down(ProcessContext ctx, MonitorRef ref) {
        return next(ctx, Down.class, down -> down.ref().equals(ref));
    }

    /** The 'EXIT' message from {@code from}. */
    public static ExitMessage exitFrom(ProcessContext ctx, Pid from) {
        return next(ctx, ExitMessage.class, exit -> exit.from().equals(from));
    }

    /** A message of {@code type} that {@code match} accepts if one shows up within the short must-not window. */
    public static <T> Optional<T> stray(ProcessContext ctx, Class<T> type, Predicate<? super T> match) {
        return ctx.receive(message -> type.isInstance(message) && match.test(type.cast(message)), MUST_NOT_ARRIVE)
                .map(type::cast);
    }

    /** Any message that shows up within the short must-not window. */
    public static Optional<Object> stray(ProcessContext ctx) {
        return ctx.receive(MUST_NOT_ARRIVE);
    }
}
