package dev.cascade.junit;

import dev.cascade.trace.Trace;
import dev.cascade.trace.TraceEvent;
import org.assertj.core.api.AbstractAssert;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Assertions on one tree path in a trace, across its incarnations; from {@link TraceAssert#process(String)}.
 *
 * <pre>{@code
 * assertThat(trace).process("root/app/cache").wasRestarted(times(3));
 * assertThat(trace).process("root/ledger").neverCrashed();
 * assertThat(trace).process("root/app/api").crashed().wasCausedBy(assertThat(trace).process("root/db").crashed());
 * }</pre>
 */
public final class ProcessAssert extends AbstractAssert<ProcessAssert, String> {
    private final TraceAssert trace;

    ProcessAssert(TraceAssert trace, String path) {
        super(path, ProcessAssert.class);
        this.trace = trace;
    }

    /** It was restarted exactly {@code times}: successful starts after its first. */
    public ProcessAssert wasRestarted(CascadeAssertions.Times times) {
        List<TraceEvent.Started> restarts = trace().events(TraceEvent.Started.class).stream()
                .filter(s -> s.process().isAt(actual) && s.process().number() > 1).toList();
        if (restarts.size() != times.count()) {
            String when = restarts.isEmpty() ? "" : " (at " + restarts.stream().map(s -> Subject.at(trace(), s).substring(3))
                    .collect(Collectors.joining(", ")) + ")";
            throw failureWithActualExpected(restarts.size(), times.count(), "%s", Subject.message("process " + actual,
                    Subject.state(trace(), actual), "have been restarted " + times,
                    "it was restarted " + new CascadeAssertions.Times(restarts.size()) + when, trace.seed,
                    Subject.explained(trace(), Subject.lastCrash(trace(), actual))));
        }
        return this;
    }

    /** It was never restarted. */
    public ProcessAssert wasNeverRestarted() {
        return wasRestarted(CascadeAssertions.times(0));
    }

    /** It crashed (exited with a reason other than normal or shutdown); navigates to its first crash. */
    public EventAssert crashed() {
        Optional<TraceEvent> first = trace().events().stream()
                .filter(e -> e instanceof TraceEvent.Exited x && x.process().isAt(actual) && !x.reason().isNormalish())
                .findFirst();
        if (first.isEmpty()) {
            throw failure(Subject.message("process " + actual, Subject.state(trace(), actual), "have crashed",
                    "it never exited abnormally", trace.seed, ""));
        }
        return new EventAssert(trace, first.get(), "the first crash of " + actual);
    }

    /** It never crashed. */
    public ProcessAssert neverCrashed() {
        Optional<TraceEvent> crash = Subject.lastCrash(trace(), actual);
        if (crash.isPresent()) {
            throw failure(Subject.message("process " + actual, Subject.state(trace(), actual), "never have crashed",
                    "it crashed: " + crash.get().describe() + " " + Subject.at(trace(), crash.get()), trace.seed,
                    Subject.explained(trace(), crash)));
        }
        return this;
    }

    /** Its last incarnation was running when the trace was taken. */
    public ProcessAssert isRunning() {
        String state = Subject.state(trace(), actual);
        if (!state.contains(", started ")) {
            throw failure(Subject.message("process " + actual, state, "be running", "it is not", trace.seed,
                    Subject.explained(trace(), Subject.lastCrash(trace(), actual))));
        }
        return this;
    }

    /** The messages lost in it (queued when one of its incarnations died). */
    public MessagesAssert lostMessages() {
        return new MessagesAssert(trace, actual, "lost", trace().events(TraceEvent.MessageLost.class).stream()
                .filter(lost -> lost.in().isAt(actual)).toList());
    }

    private Trace trace() {
        return trace.trace();
    }

    private AssertionError failure(String message) {
        return failure("%s", message);
    }
}
