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
 * (one line each, "root/db#1 exited killed (fault kill root/db)"; repeats counted by a supervisor
 * folded into one, "4× at once", "3× in 1.2 s"), supervisors giving up with their limits and what
 * their own supervisor did about it, the restarts that followed, and messages lost, counted per
 * incarnation. Plumbing (sends, deliveries, spawns, the fault's own commands) is left out, and so is
 * the exit of a process that only went down with its supervisor when the next line says what was
 * lost with it.
 *
 * <pre>{@code
 * root/app/cache exited killed 4× at once (fault intensity breach on root/app/cache)
 * → root/app#1 gave up (4 restarts > intensity 3 in 5 s)
 * → root#1 restarted root/app
 * → 9 messages lost in root/app/api#1
 * }</pre>
 *
 * <p>The event explained is always the last line; an event without a recorded cause is explained by
 * itself.
 */
public final class Explanation {
    /**
     * One line of an explanation and the ids of the events it folds (an exit and the fault behind
     * it, the repeated exits a supervisor counted, every message lost with one death), oldest first,
     * so a report can link the line to them.
     *
     * @param text   the line, as {@link #text()} shows it
     * @param events the ids of the events the line stands for; never empty
     */
    public record Step(String text, List<Long> events) {
        /** Copies the ids; rejects an empty list. */
        public Step {
            java.util.Objects.requireNonNull(text, "text");
            events = List.copyOf(events);
            if (events.isEmpty()) {
                throw new IllegalArgumentException("a step stands for at least one event: " + text);
            }
        }
    }

    private final TraceEvent root;
    private final List<Step> steps;

    private Explanation(TraceEvent root, List<Step> steps) {
        this.root = root;
        this.steps = List.copyOf(steps);
    }

    /** The first event of the chain: the root fault, or the earliest recorded cause. */
    public TraceEvent root() {
        return root;
    }

    /** The steps of the cascade, root first, each with the ids of the events it folds. */
    public List<Step> steps() {
        return steps;
    }

    /** The steps' texts, root first. */
    public List<String> lines() {
        return steps.stream().map(Step::text).toList();
    }

    /** The steps joined with arrows, one per line. */
    public String text() {
        return String.join("\n→ ", lines());
    }

    @Override
    public String toString() {
        return text();
    }

    static Explanation of(Trace trace, TraceEvent event) {
        List<TraceEvent> chain = trace.chain(event);
        int start = 0;
        // A give-up summarises everything before it: the repeated failures it counted.
        for (int i = chain.size() - 1; i >= 0; i--) {
            if (chain.get(i) instanceof TraceEvent.SupervisorGaveUp) {
                start = i;
                break;
            }
        }
        List<TraceEvent> steps = new ArrayList<>();
        for (int i = start; i < chain.size(); i++) {
            TraceEvent step = chain.get(i);
            if (i == chain.size() - 1 || telling(step)) {
                steps.add(step);
            }
        }
        List<Step> lines = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            TraceEvent step = steps.get(i);
            TraceEvent previous = i == 0 ? null : steps.get(i - 1);
            TraceEvent next = i == steps.size() - 1 ? null : steps.get(i + 1);
            switch (step) {
                case TraceEvent.SupervisorGaveUp gaveUp -> {
                    lines.addAll(failures(trace, gaveUp));
                    lines.add(step(gaveUp.describe(), gaveUp));
                    reaction(trace, gaveUp).filter(reaction -> !steps.contains(reaction))
                            .ifPresent(reaction -> lines.add(step(reactionLine(reaction), reaction)));
                }
                case TraceEvent.FaultFired fired -> {
                    if (!(next instanceof TraceEvent.Exited exited && exited.process().pid().equals(fired.target().pid()))) {
                        lines.add(step(fired.describe(), fired));
                    }
                }
                case TraceEvent.Exited exited -> {
                    boolean ownGiveUp = previous instanceof TraceEvent.SupervisorGaveUp up
                            && up.supervisor().pid().equals(exited.process().pid());
                    boolean wentDownWithIt = previous instanceof TraceEvent.SupervisorGaveUp up
                            && exited.cause().equals(java.util.OptionalLong.of(up.id()))
                            && next instanceof TraceEvent.MessageLost lost && lost.in().pid().equals(exited.process().pid());
                    if (!ownGiveUp && !wentDownWithIt) {
                        lines.add(previous instanceof TraceEvent.FaultFired fired
                                && fired.target().pid().equals(exited.process().pid())
                                ? new Step(exited.describe() + " (fault " + fired.description() + ")", List.of(fired.id(), exited.id()))
                                : step(exited.describe(), exited));
                    }
                }
                case TraceEvent.RestartDecided restart -> lines.add(step(reactionLine(restart), restart));
                case TraceEvent.MessageLost lost -> lines.add(lostLine(trace, lost));
                case TraceEvent.CallFailed failed -> lines.add(callLine(trace, failed));
                case TraceEvent.MessageDropped dropped when dropped.to() instanceof Addressee.Unheld -> lines.add(unheldLine(trace, dropped));
                default -> lines.add(step(step.describe(), step));
            }
        }
        if (lines.isEmpty()) {
            lines.add(step(event.describe(), event));
        }
        return new Explanation(chain.getFirst(), lines);
    }

    private static Step step(String text, TraceEvent event) {
        return new Step(text, List.of(event.id()));
    }

    /** Whether a step of a chain says something a reader of the cascade needs (not plumbing). */
    private static boolean telling(TraceEvent step) {
        return step instanceof TraceEvent.FaultFired || step instanceof TraceEvent.FaultSkipped
                || step instanceof TraceEvent.Exited || step instanceof TraceEvent.RestartDecided
                || step instanceof TraceEvent.StartFailed || step instanceof TraceEvent.SupervisorGaveUp
                || step instanceof TraceEvent.MessageLost;
    }

    /** The failures a supervisor counted before it gave up, folded by what failed, how, and which fault caused it. */
    private static List<Step> failures(Trace trace, TraceEvent.SupervisorGaveUp gaveUp) {
        record Failure(String who, String how, String fault) {}
        Map<Failure, List<TraceEvent.Exited>> byWhat = new LinkedHashMap<>();
        Map<Failure, List<Long>> folded = new LinkedHashMap<>();
        List<Step> lines = new ArrayList<>();
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
            if (exit == null) {
                lines.add(step(counted.get().describe(), counted.get()));
                continue;
            }
            TraceEvent root = chain.getFirst();
            ProcessId process = exit.process();
            Failure failure = new Failure(process.path().orElse(process.pid().toString()),
                    exit.reason().describe(), root instanceof TraceEvent.FaultFired fired ? fired.description() : null);
            byWhat.computeIfAbsent(failure, k -> new ArrayList<>()).add(exit);
            List<Long> ids = folded.computeIfAbsent(failure, k -> new ArrayList<>());
            if (root instanceof TraceEvent.FaultFired fired) {
                ids.add(fired.id());
            }
            ids.add(exit.id());
        }
        byWhat.forEach((failure, exits) -> lines.add(new Step(
                (exits.size() == 1 ? exits.getFirst().process().toString() : failure.who()) + " exited " + failure.how()
                + (exits.size() == 1 ? "" : " " + exits.size() + "× " + span(exits))
                + (failure.fault() == null ? "" : " (fault " + failure.fault() + ")"), folded.get(failure))));
        return lines;
    }

    private static String span(List<? extends TraceEvent> events) {
        long nanos = events.getLast().atNanos() - events.getFirst().atNanos();
        return nanos == 0 ? "at once" : "in " + Messages.duration(Duration.ofNanos(nanos));
    }

    /** What the given-up supervisor's parent did about its exit: restarted it, or gave up in turn. */
    private static Optional<TraceEvent> reaction(Trace trace, TraceEvent.SupervisorGaveUp gaveUp) {
        List<TraceEvent> all = trace.everything().events(); // by id, whatever the trace shows
        for (TraceEvent later : all.subList((int) gaveUp.id(), all.size())) {
            if (later instanceof TraceEvent.RestartDecided || later instanceof TraceEvent.SupervisorGaveUp) {
                boolean answersIt = trace.chain(later).stream().anyMatch(step -> step instanceof TraceEvent.Exited exited
                        && exited.process().pid().equals(gaveUp.supervisor().pid()));
                if (answersIt) {
                    return Optional.of(later);
                }
            }
        }
        return Optional.empty();
    }

    /** A restart told after the fact: {@code root#1 restarted root/a with root/b, root/c}. */
    private static String reactionLine(TraceEvent reaction) {
        if (!(reaction instanceof TraceEvent.RestartDecided restart)) {
            return reaction.describe();
        }
        List<String> others = restart.group().stream().filter(member -> !member.equals(restart.child())).toList();
        return restart.supervisor() + " restarted " + restart.child() + (others.isEmpty() ? "" : " with " + String.join(", ", others));
    }

    /** A failed call with whom it called and with what: {@code <0.9.0>'s call to ledgr (never registered) with balance failed: noproc}. */
    private static Step callLine(Trace trace, TraceEvent.CallFailed failed) {
        return trace.event(failed.call()).filter(TraceEvent.CallStarted.class::isInstance).map(TraceEvent.CallStarted.class::cast)
                .map(started -> new Step(failed.caller() + "'s call to " + started.callee() + " with "
                        + Messages.summary(started.request().text()) + " failed: " + failed.reason().describe(),
                        List.of(started.id(), failed.id())))
                .orElseGet(() -> step(failed.describe(), failed));
    }

    /** A message to a name no process held, with who sent what: {@code <0.9.0> sent cast deposit to ledgr (never registered): dropped (no_process)}. */
    private static Step unheldLine(Trace trace, TraceEvent.MessageDropped dropped) {
        return trace.event(dropped.message()).filter(TraceEvent.Sent.class::isInstance).map(TraceEvent.Sent.class::cast)
                .map(sent -> new Step(sent.describe() + ": dropped (" + dropped.reason().name().toLowerCase(java.util.Locale.ROOT) + ")",
                        List.of(sent.id(), dropped.id())))
                .orElseGet(() -> step(dropped.describe(), dropped));
    }

    private static Step lostLine(Trace trace, TraceEvent.MessageLost lost) {
        List<Long> ids = trace.everything().events(TraceEvent.MessageLost.class).stream()
                .filter(other -> other.cause().equals(lost.cause())).map(TraceEvent::id).toList();
        long count = ids.size();
        return new Step(count + (count == 1 ? " message" : " messages") + " lost in " + lost.in(), ids);
    }
}
