package dev.cascade.junit;

import dev.cascade.trace.TraceEvent;
import org.assertj.core.api.AbstractAssert;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Assertions on the lost or dropped messages of a run or a process, from {@link TraceAssert} or {@link ProcessAssert}. */
public final class MessagesAssert extends AbstractAssert<MessagesAssert, List<? extends TraceEvent>> {
    private final TraceAssert trace;
    private final String where;
    private final String kind;

    MessagesAssert(TraceAssert trace, String where, String kind, List<? extends TraceEvent> events) {
        super(events, MessagesAssert.class);
        this.trace = trace;
        this.where = where;
        this.kind = kind;
    }

    /** No message was lost (or dropped). */
    public MessagesAssert isEmpty() {
        return hasSize(0);
    }

    /** Exactly {@code count} messages were lost (or dropped). */
    public MessagesAssert hasSize(int count) {
        if (actual.size() != count) {
            String listed = actual.stream().limit(5).map(e -> e.describe() + " " + Subject.at(trace.trace(), e))
                    .collect(Collectors.joining(", "));
            throw failureWithActualExpected(actual.size(), count, "%s", Subject.message("the messages of " + where,
                    actual.size() + " " + kind, "have " + count + " " + kind + " messages",
                    actual.size() + " were " + kind + (listed.isEmpty() ? "" : " (" + listed + (actual.size() > 5 ? ", …" : "") + ")"),
                    trace.seed, Subject.explained(trace.trace(), actual.isEmpty() ? Optional.empty() : Optional.of(actual.getLast()))));
        }
        return this;
    }
}
