package dev.cascade.chaos;

import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.Timeout;

import java.util.Objects;

/**
 * How a call a test made with {@link ChaosTree#call} ended: the reply, or why there was none. A
 * sealed type rather than an exception, because in a chaos test a failed call is an outcome to
 * assert on, not an error: switch over it, or take the reply with {@link #orElseThrow()}.
 *
 * <pre>{@code
 * assertThat(tree.call("root/sessions/alice", "balance").orElseThrow()).isEqualTo(10);
 * assertThat(tree.call("root/ledger", "sum")).isInstanceOf(CallOutcome.TimedOut.class);
 * switch (tree.call("root/gateway", new Charge(5))) {
 *     case CallOutcome.Replied replied -> use(replied.value());
 *     case CallOutcome.TimedOut timedOut -> retryLater();
 *     case CallOutcome.NoProc noProc -> restartFirst();
 *     case CallOutcome.ServerExited exited -> log(exited.reason().describe());
 *     case CallOutcome.MailboxFull full -> backOff();
 * }
 * }</pre>
 */
public sealed interface CallOutcome {

    /** The server replied {@code value} (which may be null). */
    record Replied(Object value) implements CallOutcome {}

    /** No reply within {@code timeout}; a reply that comes later is dropped (G20). */
    record TimedOut(Timeout timeout) implements CallOutcome {
        public TimedOut {
            Objects.requireNonNull(timeout, "timeout");
        }
    }

    /** No live process held {@code target} when the call was made: nothing was sent (G21). */
    record NoProc(String target) implements CallOutcome {
        public NoProc {
            Objects.requireNonNull(target, "target");
        }
    }

    /** The server died before it replied, with {@code reason} (G22). */
    record ServerExited(ExitReason reason) implements CallOutcome {
        public ServerExited {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The server's bounded mailbox refused the request ({@code REJECT_TO_SENDER}). */
    record MailboxFull() implements CallOutcome {}

    /** Whether the server replied. */
    default boolean replied() {
        return this instanceof Replied;
    }

    /**
     * The reply.
     *
     * @throws IllegalStateException if there was none, saying why ({@code call to root/ledger got no reply: timeout after 5000 ms})
     */
    default Object orElseThrow() {
        if (this instanceof Replied replied) {
            return replied.value();
        }
        throw new IllegalStateException("the call got no reply: " + describe());
    }

    /** One line: {@code replied 42}, {@code timeout after 5000 ms}, {@code noproc: root/ledger}, {@code server exited error:boom}, {@code mailbox_full}. */
    default String describe() {
        return switch (this) {
            case Replied r -> "replied " + r.value();
            case TimedOut t -> "timeout after " + t.timeout();
            case NoProc n -> "noproc: no live process at " + n.target();
            case ServerExited e -> "server exited " + e.reason().describe();
            case MailboxFull m -> "mailbox_full";
        };
    }
}
