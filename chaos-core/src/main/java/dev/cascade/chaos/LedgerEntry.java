package dev.cascade.chaos;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What became of one planned (or injected) fault.
 *
 * @param number  its number in the ledger, from 1, in the order faults were planned
 * @param at      when it was planned to fire, since the tree started
 * @param fault   the fault
 * @param status  fired, skipped, or still pending (armed and waiting: a start attempt, a message, a window)
 * @param hits    every time it hit a process, in order
 * @param why     for a skipped fault, why it could not apply; for a pending one, what it waits for; for a fired
 *                one that fell short of what it meant to do (an intensity breach whose failures did not all fit
 *                in the period), what it fell short of; empty otherwise
 */
public record LedgerEntry(int number, Duration at, Fault fault, Status status, List<Hit> hits, String why) {
    /** Whether a fault has happened. */
    public enum Status {
        /** It hit at least one process; see the hits. */
        FIRED,
        /** It could not apply; see why. */
        SKIPPED,
        /** Armed and waiting for what it acts on (a start attempt, a message in its window, its time). */
        PENDING
    }

    /**
     * One hit of a fault on a process.
     *
     * @param at          when, since the tree started
     * @param path        the path it hit
     * @param incarnation which incarnation of the path (0: a start that had not returned yet)
     * @param detail      what it did, e.g. {@code start attempt 2 failed} or {@code 12 messages}
     */
    public record Hit(Duration at, String path, int incarnation, String detail) {
        @Override
        public String toString() {
            return "at " + at.toMillis() + " ms " + path + (incarnation > 0 ? "#" + incarnation : "") + (detail.isEmpty() ? "" : ": " + detail);
        }
    }

    public LedgerEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(fault, "fault");
        Objects.requireNonNull(status, "status");
        hits = List.copyOf(hits);
        Objects.requireNonNull(why, "why");
    }

    @Override
    public String toString() {
        String head = "#" + number + " at " + at.toMillis() + " ms " + fault.describe() + ": " + status.name().toLowerCase(java.util.Locale.ROOT);
        return switch (status) {
            case FIRED -> head + " " + hits + (why.isEmpty() ? "" : " (" + why + ")");
            case SKIPPED -> head + " (" + why + ")";
            case PENDING -> head + (why.isEmpty() ? "" : " (" + why + ")");
        };
    }
}
