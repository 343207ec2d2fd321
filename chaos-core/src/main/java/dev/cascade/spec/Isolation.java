package dev.cascade.spec;

import dev.cascade.chaos.LedgerEntry;
import dev.cascade.internal.Echo;
import dev.cascade.spec.internal.TraceReading;
import dev.cascade.trace.TraceEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link CascadeSpec#isolation}: no fault under one path causes an exit or restart under the others. */
record Isolation(String faulted, List<String> untouched) implements CascadeSpec {
    Isolation {
        Objects.requireNonNull(faulted, "faulted");
        untouched = List.copyOf(untouched);
        if (untouched.isEmpty()) {
            throw new IllegalArgumentException("isolation(" + Echo.value(faulted) + ") needs at least one untouched path:"
                    + " isolation(\"root/gateway\", \"root/ledger\")");
        }
    }

    public String name() {
        return "isolation(" + faulted + ", " + String.join(", ", untouched) + ")";
    }

    public Verdict check(CascadeRun run) {
        run.tree().require(faulted, name());
        untouched.forEach(path -> run.tree().require(path, name()));
        boolean anyFired = run.ledger().fired().stream().anyMatch(entry -> TreeOutline.isUnder(entry.fault().target(), faulted));
        if (!anyFired) {
            long planned = run.ledger().entries().stream().filter(entry -> TreeOutline.isUnder(entry.fault().target(), faulted)).count();
            return new Verdict.Inconclusive(name(), "no fault under " + faulted + " fired (" + planned + " planned there"
                    + (planned == 0 ? "" : ", none hit a process") + "), so nothing could break isolation");
        }
        List<TraceEvent> violating = new ArrayList<>();
        TraceEvent.FaultFired[] roots = TraceReading.rootFaults(run.trace());
        for (TraceEvent event : run.trace().events()) {
            Optional<String> touched = touched(event);
            if (touched.isPresent() && fromFaulted(run, roots[(int) event.id()])) {
                violating.add(event);
            }
        }
        if (violating.isEmpty()) {
            return Verdicts.passIfSettled(name(), run);
        }
        return Verdicts.fail(name(), run, "a fault under " + faulted + " caused " + violating.size()
                + " exit(s) or restart(s) under " + String.join(", ", untouched), violating);
    }

    /** The untouched path an exit or a restart decision concerns, if it concerns one. */
    private Optional<String> touched(TraceEvent event) {
        return switch (event) {
            case TraceEvent.Exited exited -> TraceReading.path(exited).filter(this::isUntouched);
            case TraceEvent.RestartDecided decided -> decided.group().stream().filter(this::isUntouched).findFirst();
            default -> Optional.empty();
        };
    }

    private boolean isUntouched(String path) {
        return untouched.stream().anyMatch(top -> TreeOutline.isUnder(path, top));
    }

    private boolean fromFaulted(CascadeRun run, TraceEvent.FaultFired root) {
        return Optional.ofNullable(root)
                .flatMap(fired -> TraceReading.entry(run.ledger(), fired))
                .map(LedgerEntry::fault)
                .map(fault -> TreeOutline.isUnder(fault.target(), faulted))
                .orElse(false);
    }

    @Override
    public String toString() {
        return name();
    }
}
