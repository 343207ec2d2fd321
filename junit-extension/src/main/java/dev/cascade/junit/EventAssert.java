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

    /**
     * Following causes back from it reaches {@code other}: its cause, that event's cause, and so on; for a give-up,
     * every failure it counted.
     */
    public EventAssert wasCausedBy(EventAssert other) {
        if (!reaches(actual, other.actual.id())) {
            throw fail("have been caused by " + other.name + " (" + other.actual.describe() + " " + at(other.actual) + ")",
                    "its causal chain does not reach it");
        }
        return this;
    }

    private boolean reaches(TraceEvent from, long target) {
        java.util.ArrayDeque<Long> open = new java.util.ArrayDeque<>(java.util.List.of(from.id()));
        java.util.Set<Long> seen = new java.util.HashSet<>();
        while (!open.isEmpty()) {
            long id = open.pop();
            if (id == target) {
                return true;
            }
            if (id <= 0 || !seen.add(id)) {
                continue;
            }
            trace().event(id).ifPresent(event -> {
                event.cause().ifPresent(open::push);
                if (event instanceof TraceEvent.SupervisorGaveUp gaveUp) {
                    gaveUp.counted().forEach(open::push);
                }
            });
        }
        return false;
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
