package dev.cascade.junit;

import dev.cascade.trace.Trace;
import dev.cascade.trace.TraceEvent;
import org.assertj.core.api.AbstractAssert;

import java.util.Optional;

/**
 * Assertions on one event that navigation found (a crash, a give-up, a restart decision), in causal order.
 *
 * <pre>{@code
 * EventAssert crash = assertThat(trace).process("root/db").crashed();
 * assertThat(trace).supervisor("root").gaveUp().wasCausedBy(crash).happenedAfter(crash);
 * }</pre>
 */
public final class EventAssert extends AbstractAssert<EventAssert, TraceEvent> {
    private final TraceAssert trace;
    private final String name;

    EventAssert(TraceAssert trace, TraceEvent event, String name) {
        super(event, EventAssert.class);
        this.trace = trace;
        this.name = name;
    }

    /** The event itself, for checks of your own. */
    public TraceEvent event() {
        return actual;
    }

    /** It came before {@code other} in the trace's order (which respects every causal link). */
    public EventAssert happenedBefore(EventAssert other) {
        if (actual.id() >= other.actual.id()) {
            throw fail("have happened before " + other.name + " (" + other.actual.describe() + " " + at(other.actual) + ")",
                    "it happened after it");
        }
        return this;
    }

    /** It came after {@code other}. */
    public EventAssert happenedAfter(EventAssert other) {
        if (actual.id() <= other.actual.id()) {
            throw fail("have happened after " + other.name + " (" + other.actual.describe() + " " + at(other.actual) + ")",
                    "it happened before it");
        }
        return this;
    }

    /** {@code other} is in its causal chain: following causes back from it reaches {@code other}. */
    public EventAssert wasCausedBy(EventAssert other) {
        if (!trace().chain(actual).contains(other.actual)) {
            throw fail("have been caused by " + other.name + " (" + other.actual.describe() + " " + at(other.actual) + ")",
                    "its causal chain does not reach it");
        }
        return this;
    }

    private AssertionError fail(String expected, String actualText) {
        return failure("%s", Subject.message(name, actual.describe() + " " + at(actual), expected, actualText, trace.seed,
                Subject.explained(trace(), Optional.of(actual))));
    }

    private String at(TraceEvent event) {
        return Subject.at(trace(), event);
    }

    private Trace trace() {
        return trace.trace();
    }
}
