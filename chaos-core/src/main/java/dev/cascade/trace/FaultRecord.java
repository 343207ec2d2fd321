package dev.cascade.trace;

import dev.cascade.chaos.FaultLedger;
import dev.cascade.chaos.LedgerEntry;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One planned fault as a trace file records it: the ledger entry with the fault by its description.
 *
 * <pre>{@code
 * List<FaultRecord> ledger = FaultRecord.of(tree.ledger());
 * ledger.getFirst().fault();   // "kill root/db"
 * }</pre>
 *
 * @param number its number, from 1 (the {@code fault} of {@link TraceEvent.FaultFired} and {@link TraceEvent.FaultSkipped})
 * @param at     when it was planned to fire, since the tree started
 * @param fault  its description ({@link dev.cascade.chaos.Fault#describe()})
 * @param status {@code fired}, {@code skipped} or {@code pending}
 * @param why    why it was skipped, or a note; empty when there is nothing to say
 * @param hits   for a fired fault, each hit
 */
public record FaultRecord(int number, Duration at, String fault, String status, String why, List<Hit> hits) {
    /** Checks the status and copies the hits. */
    public FaultRecord {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(fault, "fault");
        Objects.requireNonNull(why, "why");
        if (!List.of("fired", "skipped", "pending").contains(status)) {
            throw new IllegalArgumentException("a fault's status is fired, skipped or pending but was \"" + status + "\"");
        }
        hits = List.copyOf(hits);
    }

    /**
     * One hit of a fired fault.
     *
     * @param incarnation the incarnation it hit; empty when the target had none yet (a start)
     */
    public record Hit(Duration at, String path, OptionalInt incarnation, String detail) {
        /** Rejects null. */
        public Hit {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(incarnation, "incarnation");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** Every entry of {@code ledger}, in plan order. */
    public static List<FaultRecord> of(FaultLedger ledger) {
        return ledger.entries().stream().map(FaultRecord::of).toList();
    }

    private static FaultRecord of(LedgerEntry entry) {
        List<Hit> hits = entry.hits().stream().map(hit -> new Hit(hit.at(), String.valueOf(hit.path()),
                hit.incarnation() > 0 ? OptionalInt.of(hit.incarnation()) : OptionalInt.empty(), hit.detail())).toList();
        return new FaultRecord(entry.number(), entry.at(), entry.fault().describe(),
                entry.status().name().toLowerCase(Locale.ROOT), entry.why(), hits);
    }
}
