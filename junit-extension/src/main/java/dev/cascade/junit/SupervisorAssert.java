package dev.cascade.junit;

import dev.cascade.trace.Trace;
import dev.cascade.trace.TraceEvent;
import org.assertj.core.api.AbstractAssert;

import java.util.Optional;

/**
 * Assertions on a supervisor in a trace; from {@link TraceAssert#supervisor(String)}.
 *
 * <pre>{@code
 * assertThat(trace).supervisor("root/app").gaveUp();
 * assertThat(trace).supervisor("root").neverGaveUp();
 * assertThat(trace).supervisor("root").restarted("root/app");
 * }</pre>
 */
public final class SupervisorAssert extends AbstractAssert<SupervisorAssert, String> {
    private final TraceAssert trace;

    SupervisorAssert(TraceAssert trace, String path) {
        super(path, SupervisorAssert.class);
        this.trace = trace;
    }

    /** It gave up (restart intensity exceeded); navigates to its first give-up. */
    public EventAssert gaveUp() {
        Optional<TraceEvent.SupervisorGaveUp> gaveUp = giveUps().findFirst();
        if (gaveUp.isEmpty()) {
            throw failure("%s", Subject.message("supervisor " + actual, Subject.state(trace(), actual), "have given up",
                    "it never gave up (restarts: " + restartCount() + ")", trace.seed, ""));
        }
        return new EventAssert(trace, gaveUp.get(), "the give-up of " + actual);
    }

    /** It never gave up. */
    public SupervisorAssert neverGaveUp() {
        Optional<TraceEvent.SupervisorGaveUp> gaveUp = giveUps().findFirst();
        if (gaveUp.isPresent()) {
            throw failure("%s", Subject.message("supervisor " + actual, Subject.state(trace(), actual), "never have given up",
                    "it gave up " + Subject.at(trace(), gaveUp.get()) + ": " + gaveUp.get().describe(), trace.seed,
                    Subject.explained(trace(), gaveUp)));
        }
        return this;
    }

    /** It decided to restart {@code child} (a path); navigates to the first such decision. */
    public EventAssert restarted(String child) {
        Optional<TraceEvent.RestartDecided> decided = restarts().filter(r -> r.child().equals(child)).findFirst();
        if (decided.isEmpty()) {
            throw failure("%s", Subject.message("supervisor " + actual, Subject.state(trace(), actual), "have restarted " + child,
                    "it did not (it restarted: " + restarts().map(TraceEvent.RestartDecided::child).distinct().toList() + ")",
                    trace.seed, Subject.explained(trace(), Subject.lastCrash(trace(), child))));
        }
        return new EventAssert(trace, decided.get(), "the restart of " + child + " by " + actual);
    }

    private java.util.stream.Stream<TraceEvent.SupervisorGaveUp> giveUps() {
        return trace().events(TraceEvent.SupervisorGaveUp.class).stream().filter(g -> g.supervisor().isAt(actual));
    }

    private java.util.stream.Stream<TraceEvent.RestartDecided> restarts() {
        return trace().events(TraceEvent.RestartDecided.class).stream().filter(r -> r.supervisor().isAt(actual));
    }

    private long restartCount() {
        return restarts().count();
    }

    private Trace trace() {
        return trace.trace();
    }
}
