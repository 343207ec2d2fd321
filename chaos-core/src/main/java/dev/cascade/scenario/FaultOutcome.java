package dev.cascade.scenario;

import dev.cascade.scenario.internal.Checks;
import dev.cascade.scenario.internal.FaultSpelling;
import dev.cascade.scenario.internal.FaultSpelling;
import java.util.List;

/**
 * What became of one fault of a scenario, as in the {@code ledger} of an outcome file: it fired
 * (with every process it hit, and when) or was skipped (and why). No fault is silently not
 * applied.
 *
 * <pre>{@code
 * outcome.ledger().stream().filter(f -> f.status() == FaultOutcome.Status.SKIPPED).forEach(f -> System.out.println(f.why()));
 * }</pre>
 *
 * @param index  the fault's position in the scenario's {@code faults}, from 0 (as in {@code faults[3]})
 * @param kind   the fault's kind as a scenario file spells it: {@code raise}, {@code slow_handling}, ...
 * @param target the fault's target path (for a link fault, the receiving path)
 * @param status fired or skipped
 * @param hits   for a fired fault, every time it hit a process, in order; empty for a skipped one
 * @param why    for a skipped fault, why it could not apply; empty for a fired one
 */
public record FaultOutcome(int index, String kind, String target, Status status, List<Hit> hits, String why) {

    /** Whether the fault happened. */
    public enum Status {
        /** It hit at least one process; see the hits. */
        FIRED,
        /** It could not apply (no live target, no message or start attempt came, the run ended first); see why. */
        SKIPPED
    }

    /**
     * One hit of a fault on a process.
     *
     * @param tMs         milliseconds since fault time zero
     * @param path        the path it hit
     * @param incarnation which incarnation of the path (0: a start that had not returned yet)
     * @param detail      what it did, e.g. {@code start attempt 2 failed: init_failed}; may be empty
     */
    public record Hit(long tMs, String path, int incarnation, String detail) {
        /** Validates the path, incarnation (>= 0) and detail. */
        public Hit {
            Checks.matching("hit path", path, Checks.PATH);
            Checks.atLeast("hit incarnation", incarnation, 0);
            Checks.notNull("hit detail", detail);
        }
    }

    /** Validates every component: a fired fault has hits and no why, a skipped one a why and no hits. */
    public FaultOutcome {
        Checks.atLeast("fault index", index, 0);
        Checks.notNull("fault kind", kind);
        if (FaultSpelling.named(kind).isEmpty()) {
            throw new IllegalArgumentException("fault kind must be one of " + FaultSpelling.spellings() + " but was: \"" + kind + "\"");
        }
        Checks.matching("fault target", target, Checks.PATH);
        Checks.notNull("fault status", status);
        hits = List.copyOf(Checks.notNull("hits", hits));
        Checks.notNull("why", why);
        if (status == Status.FIRED && (hits.isEmpty() || !why.isEmpty())) {
            throw new IllegalArgumentException("fault " + index + " fired, so it has hits and no why but had "
                    + hits.size() + " hits and why \"" + why + "\"");
        }
        if (status == Status.SKIPPED && (!hits.isEmpty() || why.isEmpty())) {
            throw new IllegalArgumentException("fault " + index + " was skipped, so it has a why and no hits but had "
                    + hits.size() + " hits and why \"" + why + "\"");
        }
    }
}
