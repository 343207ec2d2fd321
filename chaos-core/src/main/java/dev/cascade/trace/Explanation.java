package dev.cascade.trace;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A cascade told in a few lines: from an event, its causal links are walked back to the root
 * (usually a fault), and only what a reader needs is kept: the faults and the exits they caused
 * (repeats folded into one line, "4× in 1.2 s"), supervisors giving up with their limits, the
 * restarts that followed, and messages lost, counted per incarnation. Plumbing (sends, deliveries,
 * spawns) is left out.
 *
 * <pre>{@code
 * root/app/cache raised boom 4× in 1.2 s (fault raise boom)
 * → root/app gave up (4 restarts > intensity 3 in 5 s)
 * → root restarted root/app
 * → 12 messages lost in root/app/cache#4
 * }</pre>
 */
public final class Explanation {
    private final TraceEvent root;
    private final List<String> lines;

    private Explanation(TraceEvent root, List<String> lines) {
        this.root = root;
        this.lines = List.copyOf(lines);
    }

    /** The first event of the chain: the root fault, or the earliest recorded cause. */
    public TraceEvent root() {
        return root;
    }

    /** The steps of the cascade, root first. */
    public List<String> lines() {
        return lines;
    }

    /** The steps joined with arrows, one per line. */
    public String text() {
        return String.join("\n→ ", lines);
    }

    @Override
    public String toString() {
        return text();
    }

    static Explanation of(Trace trace, TraceEvent event) {
        List<TraceEvent> chain = trace.chain(event);
        List<String> lines = new ArrayList<>();
        int start = 0;
        // A give-up summarises everything before it: the repeated failures it counted.
        for (int i = chain.size() - 1; i >= 0; i--) {
            if (chain.get(i) instanceof TraceEvent.SupervisorGaveUp) {
                start = i;
                break;
            }
        }
        for (int i = start; i < chain.size(); i++) {
            TraceEvent step = chain.get(i);
            boolean last = i == chain.size() - 1;
            switch (step) {
                case TraceEvent.SupervisorGaveUp gaveUp -> {
                    lines.addAll(failures(trace, gaveUp));
                    lines.add(gaveUp.describe());
                    reaction(trace, gaveUp).ifPresent(lines::add);
                }
                case TraceEvent.FaultFired fired -> lines.add(fired.describe());
                case TraceEvent.FaultSkipped skipped -> lines.add(skipped.describe());
                case TraceEvent.Exited exited -> {
                    if (!(i > start && chain.get(i - 1) instanceof TraceEvent.SupervisorGaveUp up
                            && up.supervisor().pid().equals(exited.process().pid()))) {
                        lines.add(exited.describe());
                    }
                }
                case TraceEvent.RestartDecided restart -> lines.add(restart.describe());
                case TraceEvent.StartFailed failed -> lines.add(failed.describe());
                case TraceEvent.MessageLost lost -> lines.add(lostLine(trace, lost));
                default -> {
                    if (last) {
                        lines.add(step.describe());
                    }
                }
            }
        }
        if (lines.isEmpty()) {
            lines.add(event.describe());
        }
        return new Explanation(chain.getFirst(), lines);
    }

    /** The failures a supervisor counted before it gave up, folded by what caused them. */
    private static List<String> failures(Trace trace, TraceEvent.SupervisorGaveUp gaveUp) {
        Map<String, List<TraceEvent>> byWhat = new LinkedHashMap<>();
        for (long cause : gaveUp.counted()) {
            Optional<TraceEvent> counted = trace.event(cause);
            if (counted.isEmpty()) {
                continue;
            }
            List<TraceEvent> chain = trace.chain(counted.get());
            TraceEvent.Exited exit = null;
            for (TraceEvent step : chain) {
                if (step instanceof TraceEvent.Exited e) {
                    exit = e; // the last exit of the chain: the child's own
                }
            }
            TraceEvent root = chain.getFirst();
            String what = exit == null ? counted.get().describe()
                    : exit.process().path() + " exited " + exit.reason().describe()
                    + (root instanceof TraceEvent.FaultFired fired ? " (fault " + fired.description() + ")" : "");
            byWhat.computeIfAbsent(what, k -> new ArrayList<>()).add(exit == null ? counted.get() : exit);
        }
        List<String> lines = new ArrayList<>();
        byWhat.forEach((what, events) -> lines.add(events.size() == 1 ? what : what.replaceFirst(
                "( \\(fault .*\\))?$", " " + events.size() + "× " + span(events) + "$1")));
        return lines;
    }

    private static String span(List<TraceEvent> events) {
        long nanos = events.getLast().atNanos() - events.getFirst().atNanos();
        return nanos == 0 ? "at once" : "in " + Messages.duration(Duration.ofNanos(nanos));
    }

    /** What the given-up supervisor's parent did about its exit: restarted it, or gave up in turn. */
    private static Optional<String> reaction(Trace trace, TraceEvent.SupervisorGaveUp gaveUp) {
        for (TraceEvent later : trace.events().subList((int) gaveUp.id(), trace.events().size())) {
            if (later instanceof TraceEvent.RestartDecided || later instanceof TraceEvent.SupervisorGaveUp) {
                boolean answersIt = trace.chain(later).stream().anyMatch(step -> step instanceof TraceEvent.Exited exited
                        && exited.process().pid().equals(gaveUp.supervisor().pid()));
                if (answersIt) {
                    return Optional.of(later instanceof TraceEvent.RestartDecided restart
                            ? restart.supervisor() + " restarted " + restart.child()
                            : later.describe());
                }
            }
        }
        return Optional.empty();
    }

    private static String lostLine(Trace trace, TraceEvent.MessageLost lost) {
        long count = trace.events(TraceEvent.MessageLost.class).stream().filter(other -> other.cause() == lost.cause()).count();
        return count + (count == 1 ? " message" : " messages") + " lost in " + lost.in();
    }
}
