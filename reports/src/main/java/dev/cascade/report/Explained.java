package dev.cascade.report;

import dev.cascade.trace.Trace;
import dev.cascade.trace.TraceEvent;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A cascade explanation as the report shows it: the event explained and the steps of its causal
 * chain, each with the ids of the trace events it folds, so that the page links a step to its events.
 *
 * <pre>{@code
 * Explained why = Explained.of(trace, trace.events(TraceEvent.MessageLost.class).getLast());
 * Optional<Explained> cascade = Explained.cascadeOf(trace);   // the run's worst outcome, explained
 * new Explained(30, List.of(
 *         new Explained.Step("root/app/cache#1 exited error:boom (fault raise root/app/cache boom)", List.of(27L, 28L)),
 *         new Explained.Step("2 messages lost in root/app/cache#1", List.of(29L, 30L))));
 * }</pre>
 *
 * @param about the id of the event explained (the chain's last)
 * @param steps the steps, root cause first
 */
public record Explained(long about, List<Step> steps) {
    public Explained {
        if (about < 1) {
            throw new IllegalArgumentException("about must be an event id (>= 1) but was: " + about);
        }
        steps = List.copyOf(steps);
    }

    /** {@code trace.explain(event)}, with the ids of each step's events. */
    public static Explained of(Trace trace, TraceEvent event) {
        return new Explained(event.id(), trace.explain(event).steps().stream()
                .map(step -> new Step(step.text(), step.events())).toList());
    }

    /**
     * The explanation of what a reader of the run most needs explained: the last message lost if
     * any was, else the last supervisor that gave up, else the last message dropped, else the last
     * process that exited abnormally; empty when nothing went wrong.
     */
    public static Optional<Explained> cascadeOf(Trace trace) {
        Optional<? extends TraceEvent> worst = last(trace, TraceEvent.MessageLost.class);
        if (worst.isEmpty()) {
            worst = last(trace, TraceEvent.SupervisorGaveUp.class);
        }
        if (worst.isEmpty()) {
            worst = last(trace, TraceEvent.MessageDropped.class);
        }
        if (worst.isEmpty()) {
            worst = trace.events(TraceEvent.Exited.class).stream().filter(exit -> abnormal(exit.reason().describe()))
                    .reduce((first, second) -> second);
        }
        return worst.map(event -> of(trace, event));
    }

    /**
     * One explanation per independent cascade of the run, the worst first (a loss, a give-up, a drop,
     * a restart, a crash; equals in the order they happened), each from the furthest consequence of its root cause; a cascade whose
     * last event, or whose whole first step, another explanation already holds (a crash a give-up
     * counted) is left out.
     * At most {@code limit}.
     */
    public static List<Explained> cascadesOf(Trace trace, int limit) {
        record Candidate(TraceEvent event, int severity, long root) {}
        java.util.Map<Long, Candidate> byRoot = new java.util.LinkedHashMap<>();
        for (TraceEvent event : trace.events()) {
            int severity = switch (event) {
                case TraceEvent.MessageLost lost -> 5;
                case TraceEvent.SupervisorGaveUp gaveUp -> 4;
                case TraceEvent.MessageDropped dropped -> 3;
                case TraceEvent.RestartDecided restart -> 2;
                case TraceEvent.Exited exit -> abnormal(exit.reason().describe()) ? 1 : 0;
                default -> 0;
            };
            if (severity == 0) {
                continue;
            }
            long root = trace.chain(event).getFirst().id();
            Candidate known = byRoot.get(root);
            if (known == null || severity >= known.severity()) {
                byRoot.put(root, new Candidate(event, severity, root));
            }
        }
        List<Candidate> ordered = new java.util.ArrayList<>(byRoot.values());
        ordered.sort(java.util.Comparator.comparingInt(Candidate::severity).reversed()
                .thenComparingLong(c -> c.event().id()));
        List<Explained> chosen = new java.util.ArrayList<>();
        java.util.Set<Long> covered = new java.util.HashSet<>();
        for (Candidate candidate : ordered) {
            if (chosen.size() == limit) {
                break;
            }
            Explained explained = of(trace, candidate.event());
            List<Long> ids = explained.steps().stream().flatMap(step -> step.events().stream()).toList();
            boolean causeExplained = !explained.steps().isEmpty() && covered.containsAll(explained.steps().getFirst().events());
            if (covered.contains(explained.about()) || causeExplained) {
                continue;
            }
            covered.addAll(ids);
            covered.add(explained.about());
            chosen.add(explained);
        }
        return chosen;
    }

    private static <T extends TraceEvent> Optional<T> last(Trace trace, Class<T> type) {
        List<T> events = trace.events(type);
        return events.isEmpty() ? Optional.empty() : Optional.of(events.getLast());
    }

    private static boolean abnormal(String reason) {
        return !(reason.equals("normal") || reason.equals("shutdown") || reason.startsWith("shutdown:"));
    }

    /**
     * One step of the chain.
     *
     * @param text   the step as {@code Trace.explain} writes it
     * @param events the ids of the events it stands for
     */
    public record Step(String text, List<Long> events) {
        public Step {
            Objects.requireNonNull(text, "text");
            events = List.copyOf(events);
        }
    }
}
