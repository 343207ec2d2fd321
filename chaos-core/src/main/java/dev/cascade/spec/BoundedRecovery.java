package dev.cascade.spec;

import dev.cascade.internal.Echo;
import dev.cascade.spec.internal.Lifecycle;
import dev.cascade.supervisor.Restart;
import dev.cascade.trace.TraceEvent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** {@link CascadeSpec#boundedRecovery}: full strength under a path within a time after the last fault. */
record BoundedRecovery(String path, Duration within) implements CascadeSpec {
    BoundedRecovery {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(within, "within");
        if (within.isNegative()) {
            throw new IllegalArgumentException("boundedRecovery(" + Echo.value(path) + ", d) needs d >= 0 but was " + within);
        }
    }

    public String name() {
        return "boundedRecovery(" + path + ", " + Verdicts.millis(within.toNanos()) + ")";
    }

    public Verdict check(CascadeRun run) {
        run.tree().require(path, name());
        List<TraceEvent.FaultFired> fired = run.trace().events(TraceEvent.FaultFired.class);
        if (fired.isEmpty()) {
            return new Verdict.Inconclusive(name(), "no fault fired, so there was nothing to recover from");
        }
        long lastFault = fired.stream().mapToLong(TraceEvent::atNanos).max().orElseThrow();
        long deadline = lastFault + within.toNanos();
        List<String> expected = permanent(run.tree());
        Map<String, Boolean> alive = new HashMap<>();
        Map<String, TraceEvent> down = new HashMap<>();
        List<Lifecycle.Change> changes = Lifecycle.of(run.trace()).changes();
        int i = 0;
        while (i < changes.size() && changes.get(i).atNanos() <= lastFault) {
            apply(changes.get(i++), alive, down);
        }
        while (true) {
            if (expected.stream().allMatch(p -> alive.getOrDefault(p, false))) {
                return new Verdict.Pass(name());
            }
            if (i >= changes.size() || changes.get(i).atNanos() > deadline) {
                break;
            }
            long instant = changes.get(i).atNanos();
            while (i < changes.size() && changes.get(i).atNanos() == instant) {
                apply(changes.get(i++), alive, down);
            }
        }
        List<String> missing = expected.stream().filter(p -> !alive.getOrDefault(p, false)).toList();
        String since = "the last fault at " + Verdicts.millis(lastFault - run.zeroNanos());
        if (run.endNanos() < deadline) {
            return new Verdict.Inconclusive(name(), "the run ended " + Verdicts.millis(run.endNanos() - lastFault) + " after "
                    + since + ", before the " + Verdicts.millis(within.toNanos()) + " window closed, with " + Verdicts.list(missing)
                    + " still down; run longer");
        }
        List<TraceEvent> events = new ArrayList<>();
        missing.forEach(p -> {
            if (down.containsKey(p)) {
                events.add(down.get(p));
            }
        });
        events.sort((a, b) -> Long.compare(a.id(), b.id()));
        return Verdicts.fail(name(), run, "after " + since + ", " + Verdicts.list(missing) + " not running again within "
                + Verdicts.millis(within.toNanos()), events);
    }

    private static void apply(Lifecycle.Change change, Map<String, Boolean> alive, Map<String, TraceEvent> down) {
        alive.put(change.path(), change.alive());
        if (!change.alive()) {
            down.put(change.path(), change.event());
        }
    }

    /** The paths under {@code path} that must come back: permanent, and so is every supervisor between them and it. */
    private List<String> permanent(TreeOutline tree) {
        return tree.under(path).stream().filter(at -> {
            String step = at;
            while (!step.equals(path)) {
                if (tree.node(step).orElseThrow().restart() != Restart.PERMANENT) {
                    return false;
                }
                step = step.substring(0, step.lastIndexOf('/'));
            }
            return true;
        }).toList();
    }

    @Override
    public String toString() {
        return name();
    }
}
