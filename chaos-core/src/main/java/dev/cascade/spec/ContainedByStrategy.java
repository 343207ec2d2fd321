package dev.cascade.spec;

import dev.cascade.spec.internal.TraceReading;
import dev.cascade.supervisor.Restart;
import dev.cascade.trace.TraceEvent;
import dev.cascade.trace.TreeShape;

import java.util.List;
import java.util.Optional;

/** {@link CascadeSpec#containedByStrategy}: every exit and restart inside the scope the strategies imply. */
record ContainedByStrategy() implements CascadeSpec {
    public String name() {
        return "containedByStrategy()";
    }

    public Verdict check(CascadeRun run) {
        TreeOutline tree = run.tree();
        TraceEvent[] decisions = TraceReading.nearestCause(run.trace(),
                event -> event instanceof TraceEvent.RestartDecided || event instanceof TraceEvent.SupervisorGaveUp);
        for (TraceEvent event : run.trace().events()) {
            Optional<String> broken = switch (event) {
                case TraceEvent.RestartDecided decided -> restart(run, decided);
                case TraceEvent.SupervisorGaveUp gaveUp -> gaveUp(tree, gaveUp);
                case TraceEvent.Exited exited -> exit(exited, decisions[(int) exited.id()]);
                default -> Optional.empty();
            };
            if (broken.isPresent()) {
                return Verdicts.fail(name(), run, broken.get(), List.of(event));
            }
        }
        return Verdicts.passIfSettled(name(), run);
    }

    /** The group must be the strategy's scope for the failed child, and the child must be restartable. */
    private static Optional<String> restart(CascadeRun run, TraceEvent.RestartDecided decided) {
        Optional<String> supervisor = TraceReading.supervisor(decided);
        if (supervisor.isEmpty()) {
            return Optional.empty(); // a supervisor outside the tree: no outline to judge by
        }
        Optional<TreeOutline.Node> node = run.tree().node(supervisor.get());
        Optional<TreeOutline.Node> child = run.tree().node(decided.child());
        if (node.isEmpty() || node.get().settings().isEmpty() || child.isEmpty()) {
            return Optional.empty(); // a dynamic child, or a supervisor a user's function starts: not in the static outline
        }
        List<String> scope = scope(node.get(), decided.child());
        if (!decided.group().contains(decided.child()) || !scope.containsAll(decided.group())) {
            return Optional.of(supervisor.get() + " (" + node.get().settings().get().strategy() + ") restarted " + decided.group() + " for "
                    + decided.child() + " but its strategy's scope is " + scope);
        }
        if (child.get().restart() == Restart.TEMPORARY) {
            return Optional.of(supervisor.get() + " restarted the temporary child " + decided.child() + " (temporary children are never restarted)");
        }
        if (child.get().restart() == Restart.TRANSIENT
                && TraceReading.cause(run.trace(), decided).orElse(null) instanceof TraceEvent.Exited exited && exited.reason().isNormalish()) {
            return Optional.of(supervisor.get() + " restarted the transient child " + decided.child() + " after it ended "
                    + exited.reason().describe() + " (transient children restart only after an abnormal exit)");
        }
        return Optional.empty();
    }

    private static Optional<String> gaveUp(TreeOutline tree, TraceEvent.SupervisorGaveUp gaveUp) {
        Optional<TreeOutline.Node> node = TraceReading.supervisor(gaveUp).flatMap(tree::node);
        Optional<TreeShape.Supervisor> settings = node.flatMap(TreeOutline.Node::settings); // unknown: started by a user's function
        if (settings.isPresent() && gaveUp.restarts() <= settings.get().intensity()) {
            return Optional.of(node.get().path() + " gave up after " + gaveUp.restarts() + " restarts, not past its intensity "
                    + settings.get().intensity());
        }
        return Optional.empty();
    }

    /** An exit caused by a decision must lie in that decision's scope: its group, or the subtree that gave up. */
    private static Optional<String> exit(TraceEvent.Exited exited, TraceEvent decision) {
        Optional<String> path = TraceReading.path(exited);
        if (path.isEmpty() || decision == null) {
            return Optional.empty();
        }
        return switch (decision) {
            case TraceEvent.RestartDecided decided -> {
                boolean inGroup = decided.group().stream().anyMatch(member -> TreeOutline.isUnder(path.get(), member));
                yield inGroup ? Optional.empty() : Optional.of(path.get() + " ended " + exited.reason().describe()
                        + " for a restart of " + decided.group() + " it is not part of");
            }
            case TraceEvent.SupervisorGaveUp gaveUp -> {
                Optional<String> supervisor = TraceReading.supervisor(gaveUp);
                boolean below = supervisor.map(top -> TreeOutline.isUnder(path.get(), top)).orElse(true);
                yield below ? Optional.empty() : Optional.of(path.get() + " ended " + exited.reason().describe()
                        + " when " + supervisor.get() + " gave up, which is not its supervisor (escalation goes one level up)");
            }
            default -> Optional.empty();
        };
    }

    /**
     * The children a restart of {@code child} by {@code supervisor} may touch, by its strategy.
     *
     * @throws java.util.NoSuchElementException for a supervisor a user's function starts (its strategy is not known)
     */
    static List<String> scope(TreeOutline.Node supervisor, String child) {
        List<String> children = supervisor.children();
        return switch (supervisor.settings().orElseThrow().strategy()) {
            case ONE_FOR_ONE -> List.of(child);
            case ONE_FOR_ALL -> children;
            case REST_FOR_ONE -> children.indexOf(child) < 0 ? List.of(child) : children.subList(children.indexOf(child), children.size());
        };
    }

    @Override
    public String toString() {
        return name();
    }
}
