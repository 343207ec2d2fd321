package dev.cascade.chaos.internal;

import dev.cascade.chaos.Fault;
import dev.cascade.chaos.LedgerEntry;
import dev.cascade.runtime.internal.Kernel;
import dev.cascade.runtime.internal.ProcessCell;
import dev.cascade.trace.TraceEvent;

import java.time.Duration;

/** Records what faults do, in the ledger and (when the node traces) in the trace, at one place. */
final class Hits {
    private final Kernel kernel;
    private final Ledger ledger;
    private final long zero;

    Hits(Kernel kernel, Ledger ledger, long zero) {
        this.kernel = kernel;
        this.ledger = ledger;
        this.zero = zero;
    }

    Ledger ledger() {
        return ledger;
    }

    Duration sinceStart() {
        return Duration.ofNanos(kernel.scheduler().nanoTime() - zero);
    }

    /**
     * Fault {@code number} hit {@code target}: recorded by {@code actor} (the process carrying it
     * out), which is caused by it from now on. Returns the trace event's id (0 untraced).
     */
    long hit(ProcessCell actor, int number, Fault fault, ProcessCell target, String detail) {
        ledger.hit(number, new LedgerEntry.Hit(sinceStart(), target.place().path(), target.place().incarnation(), detail));
        // A fault acting inside its target's own work (a slow start or handling, a late reply) is a step of that work:
        // caused by what the target was doing, so chains through it still reach their root. One fired from outside is a root.
        long because = actor == target ? actor.cause() : 0;
        long fired = actor.trace((id, at) -> new TraceEvent.FaultFired(id, at, TraceEvent.causeOf(because), number, fault.describe(), target.traceId(),
                detail));
        if (fired != 0) {
            actor.causedBy(fired);
        }
        return fired;
    }

    /** Fault {@code number} could not apply: skipped in the ledger, and traced (by {@code actor}, or by no process when null). */
    void skip(ProcessCell actor, int number, Fault fault, String why) {
        ledger.skip(number, why);
        traceSkipped(actor, number, fault, why);
    }

    /** Traces that fault {@code number} was skipped, as the ledger already says. */
    void traceSkipped(ProcessCell actor, int number, Fault fault, String why) {
        java.util.Optional<String> path = fault.target().isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(fault.target());
        if (actor != null) {
            actor.trace((id, at) -> new TraceEvent.FaultSkipped(id, at, java.util.OptionalLong.empty(), number, fault.describe(),
                    path, why));
        } else if (kernel.tracer() != null) {
            kernel.tracer().record((id, at) -> new TraceEvent.FaultSkipped(id, at, java.util.OptionalLong.empty(), number,
                    fault.describe(), path, why));
        }
    }

    String noLiveProcess(String path) {
        return "no live process at " + path + " at " + sinceStart().toMillis() + " ms (dead, restarting, or still starting)";
    }
}
