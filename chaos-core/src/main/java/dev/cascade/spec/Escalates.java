package dev.cascade.spec;

import dev.cascade.runtime.ExitReason;
import dev.cascade.spec.internal.TraceReading;
import dev.cascade.supervisor.Restart;
import dev.cascade.trace.TraceEvent;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link CascadeSpec#escalates}: on a breach the supervisor ends shutdown and its parent reacts by the rules. */
record Escalates(String supervisor) implements CascadeSpec {
    Escalates {
        Objects.requireNonNull(supervisor, "supervisor");
    }

    public String name() {
        return "escalates(" + supervisor + ")";
    }

    public Verdict check(CascadeRun run) {
        TreeOutline.Node node = run.tree().require(supervisor, name());
        if (!node.supervisor()) {
            throw new IllegalArgumentException(name() + ": " + supervisor + " is a worker; name a supervisor (paths with children)");
        }
        List<TraceEvent> events = run.trace().events();
        List<TraceEvent.SupervisorGaveUp> breaches = run.trace().events(TraceEvent.SupervisorGaveUp.class).stream()
                .filter(gaveUp -> TraceReading.supervisor(gaveUp).filter(supervisor::equals).isPresent())
                .toList();
        if (breaches.isEmpty()) {
            String limit = node.settings().map(known -> "intensity " + known.intensity() + " in "
                    + Verdicts.millis(known.period().toNanos()) + " was never exceeded")
                    .orElse("a user's function starts it, so its intensity is not known here");
            return new Verdict.Inconclusive(name(), supervisor + " never gave up (" + limit + "), so its escalation was not exercised");
        }
        for (TraceEvent.SupervisorGaveUp breach : breaches) {
            Optional<TraceEvent.Exited> end = after(events, breach, TraceEvent.Exited.class,
                    exited -> TraceReading.path(exited).filter(supervisor::equals).isPresent());
            if (end.isEmpty()) {
                return ended(run, breach, supervisor + " gave up but did not end");
            }
            if (!(end.get().reason() instanceof ExitReason.Shutdown)) {
                return Verdicts.fail(name(), run, supervisor + " gave up but ended " + end.get().reason().describe()
                        + ", not shutdown", List.of(breach, end.get()));
            }
            if (node.parent().isEmpty()) {
                continue; // the root: nothing above it to react
            }
            String parent = node.parent().get();
            Optional<TraceEvent> reaction = after(events, end.get(), TraceEvent.class, event -> switch (event) {
                case TraceEvent.RestartDecided decided -> TraceReading.supervisor(decided).filter(parent::equals).isPresent()
                        && decided.group().contains(supervisor);
                case TraceEvent.SupervisorGaveUp gaveUp -> TraceReading.supervisor(gaveUp).filter(parent::equals).isPresent();
                default -> false;
            });
            boolean restartable = node.restart() == Restart.PERMANENT;
            if (restartable && reaction.isEmpty()) {
                return ended(run, end.get(), "its parent " + parent + " did not restart the permanent " + supervisor + " nor give up");
            }
            if (restartable && reaction.get() instanceof TraceEvent.RestartDecided decided) {
                List<String> scope = ContainedByStrategy.scope(run.tree().node(parent).orElseThrow(), supervisor);
                if (!scope.containsAll(decided.group())) {
                    return Verdicts.fail(name(), run, parent + " (" + run.tree().node(parent).orElseThrow().settings().orElseThrow().strategy() + ") restarted "
                            + decided.group() + " for " + supervisor + " but its strategy's scope is " + scope, List.of(end.get(), decided));
                }
            }
            if (!restartable && reaction.filter(TraceEvent.RestartDecided.class::isInstance).isPresent()) {
                return Verdicts.fail(name(), run, parent + " restarted the " + node.restart().name().toLowerCase(java.util.Locale.ROOT)
                        + " " + supervisor + " after it ended shutdown", List.of(end.get(), reaction.get()));
            }
        }
        return Verdicts.passIfSettled(name(), run);
    }

    private Verdict ended(CascadeRun run, TraceEvent last, String what) {
        if (!run.unsettled().isEmpty()) {
            return new Verdict.Inconclusive(name(), what + " before the run ended, while the tree was still busy; let it settle longer");
        }
        return Verdicts.fail(name(), run, what, List.of(last));
    }

    private static <T extends TraceEvent> Optional<T> after(List<TraceEvent> events, TraceEvent from, Class<T> type,
                                                            java.util.function.Predicate<T> test) {
        for (int i = (int) from.id(); i < events.size(); i++) {
            TraceEvent event = events.get(i);
            if (type.isInstance(event) && test.test(type.cast(event))) {
                return Optional.of(type.cast(event));
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return name();
    }
}
