package dev.cascade.junit;

import dev.cascade.trace.Accounting;
import dev.cascade.trace.Trace;
import dev.cascade.trace.TraceEvent;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link Trace}; navigate to a {@link #process process}, a {@link #supervisor supervisor} or the
 * {@link #lostMessages lost messages}. From {@link CascadeAssertions#assertThat(Trace)}.
 *
 * <pre>{@code
 * assertThat(trace).process("root/cache").wasRestarted(times(3));
 * assertThat(trace).supervisor("root").gaveUp().happenedAfter(assertThat(trace).process("root/cache").crashed());
 * assertThat(trace).lostMessages().isEmpty();
 * }</pre>
 */
public final class TraceAssert extends AbstractAssert<TraceAssert, Trace> {
    final String seed;

    TraceAssert(Trace trace, String seed) {
        super(trace, TraceAssert.class);
        this.seed = seed;
    }

    /** The process at {@code path} ({@code root/app/cache}), all its incarnations. */
    public ProcessAssert process(String path) {
        isNotNull();
        return new ProcessAssert(this, path);
    }

    /** The supervisor at {@code path}. */
    public SupervisorAssert supervisor(String path) {
        isNotNull();
        return new SupervisorAssert(this, path);
    }

    /** Messages lost: still queued in a process when it died. */
    public MessagesAssert lostMessages() {
        isNotNull();
        return new MessagesAssert(this, "the run", "lost", actual.events(TraceEvent.MessageLost.class));
    }

    /** Messages dropped: by a mailbox's overflow policy, a fault, a dead receiver, a late reply. */
    public MessagesAssert droppedMessages() {
        isNotNull();
        return new MessagesAssert(this, "the run", "dropped", actual.events(TraceEvent.MessageDropped.class));
    }

    /** Every message is accounted for: sent = handled + dropped + lost + queued. */
    public TraceAssert isBalanced() {
        isNotNull();
        Accounting accounting = actual.accounting();
        if (!accounting.balanced()) {
            throw failureWithActualExpected(accounting, "balanced", "%s", Subject.message("the run's messages", accounting.toString(),
                    "be accounted for (sent = handled + dropped + lost + queued)", "they are not: a message vanished", seed, ""));
        }
        return this;
    }

    Trace trace() {
        return actual;
    }
}
