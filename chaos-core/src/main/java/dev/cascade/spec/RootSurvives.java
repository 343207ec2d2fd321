package dev.cascade.spec;

import dev.cascade.spec.internal.TraceReading;
import dev.cascade.trace.TraceEvent;

import java.util.List;

/** {@link CascadeSpec#rootSurvives}: the root's process never ends during the run. */
record RootSurvives() implements CascadeSpec {
    public String name() {
        return "rootSurvives()";
    }

    public Verdict check(CascadeRun run) {
        String root = run.tree().root();
        List<TraceEvent.Exited> exits = run.trace().events(TraceEvent.Exited.class).stream()
                .filter(exited -> TraceReading.path(exited).filter(root::equals).isPresent())
                .toList();
        if (exits.isEmpty()) {
            return Verdicts.passIfSettled(name(), run);
        }
        return Verdicts.fail(name(), run, "the root " + root + " ended " + exits.getFirst().reason().describe(), exits);
    }

    @Override
    public String toString() {
        return name();
    }
}
