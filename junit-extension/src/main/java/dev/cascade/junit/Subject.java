package dev.cascade.junit;

import dev.cascade.chaos.ChaosTree;
import dev.cascade.simulation.SimulatedScheduler;
import dev.cascade.trace.Trace;
import dev.cascade.trace.TraceEvent;

import java.util.List;
import java.util.Optional;

/** How assertion messages describe processes, times and seeds (STYLE.md's template). */
final class Subject {
    private Subject() {}

    /** {@code seed=42}: the tree's own seed, else the running test's, else unknown. */
    static String seedOf(ChaosTree tree) {
        if (tree != null && tree.node().scheduler() instanceof SimulatedScheduler simulation) {
            return "seed=" + simulation.seed();
        }
        return TestRun.current().map(run -> "seed=" + run.seed.value())
                .orElse(tree == null ? "seed unknown (not in a @CascadeTest)" : "real scheduler, no seed");
    }

    /** Milliseconds since the trace's first event. */
    static String at(Trace trace, TraceEvent event) {
        long zero = trace.events().isEmpty() ? 0 : trace.events().getFirst().atNanos();
        return "at " + (event.atNanos() - zero) / 1_000_000 + " ms";
    }

    /** {@code incarnation 3, exited error:boom at 212 ms}: the last thing that happened to {@code path}. */
    static String state(Trace trace, String path) {
        List<TraceEvent> lifecycle = trace.events().stream().filter(event -> switch (event) {
            case TraceEvent.Started s -> s.process().isAt(path);
            case TraceEvent.Exited e -> e.process().isAt(path);
            case TraceEvent.StartFailed f -> path.equals(f.path());
            default -> false;
        }).toList();
        if (lifecycle.isEmpty()) {
            return "never started";
        }
        TraceEvent last = lifecycle.getLast();
        return switch (last) {
            case TraceEvent.Started s -> "incarnation " + s.process().number() + ", started " + at(trace, s);
            case TraceEvent.Exited e -> e.process().incarnation().stream().mapToObj(n -> "incarnation " + n + ", ").findFirst().orElse("") + "exited " + e.reason().describe() + " " + at(trace, e);
            case TraceEvent.StartFailed f -> "failed to start (" + f.reason().describe() + ") " + at(trace, f);
            default -> last.describe();
        };
    }

    /** The explanation of {@code event}, indented, after a blank line; empty when there is nothing to explain. */
    static String explained(Trace trace, Optional<? extends TraceEvent> event) {
        return event.map(e -> "\n\n" + "explanation:\n  " + trace.explain(e).text().replace("\n", "\n  ")).orElse("");
    }

    /** The last crash of {@code path}: its last abnormal exit, if any. */
    static Optional<TraceEvent> lastCrash(Trace trace, String path) {
        return trace.events().reversed().stream()
                .filter(e -> e instanceof TraceEvent.Exited x && x.process().isAt(path) && !x.reason().isNormalish())
                .findFirst();
    }

    /** STYLE.md's template: what, its state, what was expected, what happened; the seed; the explanation. */
    static String message(String subject, String state, String expected, String actual, String seed, String explanation) {
        return "Expecting " + subject + ":\n  " + state + "\nto " + expected + "\nbut " + actual + "; " + seed + explanation;
    }
}
