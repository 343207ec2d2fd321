package dev.cascade.spec;

import dev.cascade.internal.Echo;
import dev.cascade.supervisor.Restart;
import dev.cascade.trace.TraceEvent;

import java.util.List;
import java.util.Objects;

/** {@link CascadeSpec#maxRestarts}: restart decisions that include a path, at most n. */
record MaxRestarts(String path, int times) implements CascadeSpec {
    MaxRestarts {
        Objects.requireNonNull(path, "path");
        if (times < 0) {
            throw new IllegalArgumentException("maxRestarts(" + Echo.value(path) + ", n) needs n >= 0 but was " + times);
        }
    }

    public String name() {
        return "maxRestarts(" + path + ", " + times + ")";
    }

    public Verdict check(CascadeRun run) {
        if (run.tree().require(path, name()).restart() == Restart.TEMPORARY) {
            return Verdicts.passIfSettled(name(), run); // a group restart stops a temporary child and never starts it again
        }
        List<TraceEvent.RestartDecided> restarts = run.trace().events(TraceEvent.RestartDecided.class).stream()
                .filter(decided -> decided.child().equals(path) || decided.group().contains(path))
                .toList();
        if (restarts.size() <= times) {
            return Verdicts.passIfSettled(name(), run);
        }
        return Verdicts.fail(name(), run, path + " was restarted " + restarts.size() + " times, more than " + times,
                restarts.subList(times, restarts.size()));
    }

    @Override
    public String toString() {
        return name();
    }
}
