package dev.cascade.chaos;

import java.util.List;

/**
 * Every planned fault, fired (with the incarnations it hit, and when) or skipped (and why). No fault
 * is silently not applied: one whose target was dead, whose start attempt never came, or whose
 * window saw no message is here as skipped with the reason.
 *
 * @param entries in the order the faults were planned
 */
public record FaultLedger(List<LedgerEntry> entries) {
    public FaultLedger {
        entries = List.copyOf(entries);
    }

    public List<LedgerEntry> fired() {
        return entries.stream().filter(entry -> entry.status() == LedgerEntry.Status.FIRED).toList();
    }

    public List<LedgerEntry> skipped() {
        return entries.stream().filter(entry -> entry.status() == LedgerEntry.Status.SKIPPED).toList();
    }

    public List<LedgerEntry> pending() {
        return entries.stream().filter(entry -> entry.status() == LedgerEntry.Status.PENDING).toList();
    }

    /** The entry of the {@code number}-th planned fault (from 1). */
    public LedgerEntry entry(int number) {
        if (number < 1 || number > entries.size()) {
            throw new IllegalArgumentException("the ledger has faults 1.." + entries.size() + " but got " + number);
        }
        return entries.get(number - 1);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        entries.forEach(entry -> text.append(entry).append('\n'));
        return text.toString();
    }
}
