package dev.cascade.junit;

import dev.cascade.chaos.FaultLedger;
import dev.cascade.chaos.LedgerEntry;
import org.assertj.core.api.AbstractAssert;

import java.util.List;

/**
 * Assertions on a {@link FaultLedger}: which planned faults fired and which did not.
 *
 * <pre>{@code
 * assertThat(tree.ledger()).allFired();
 * assertThat(tree.ledger()).fired(1).skipped(2);
 * }</pre>
 */
public final class FaultLedgerAssert extends AbstractAssert<FaultLedgerAssert, FaultLedger> {
    private final String seed;

    FaultLedgerAssert(FaultLedger ledger, String seed) {
        super(ledger, FaultLedgerAssert.class);
        this.seed = seed;
    }

    /** Every planned fault fired. */
    public FaultLedgerAssert allFired() {
        isNotNull();
        List<LedgerEntry> unfired = actual.entries().stream().filter(e -> e.status() != LedgerEntry.Status.FIRED).toList();
        if (!unfired.isEmpty()) {
            throw failure("%s", Subject.message("the fault ledger", actual.toString().strip().replace("\n", "\n  "),
                    "have every fault fired", unfired.size() + " did not: " + unfired.stream().map(e -> "#" + e.number()).toList(), seed, ""));
        }
        return this;
    }

    /** Fault {@code number} (from 1, in plan order) fired. */
    public FaultLedgerAssert fired(int number) {
        return status(number, LedgerEntry.Status.FIRED);
    }

    /** Fault {@code number} was skipped. */
    public FaultLedgerAssert skipped(int number) {
        return status(number, LedgerEntry.Status.SKIPPED);
    }

    private FaultLedgerAssert status(int number, LedgerEntry.Status expected) {
        isNotNull();
        if (number < 1 || number > actual.entries().size()) {
            throw failure("%s", "Expecting fault #" + number + " but the ledger has faults 1.." + actual.entries().size() + "; " + seed);
        }
        LedgerEntry entry = actual.entry(number);
        if (entry.status() != expected) {
            throw failureWithActualExpected(entry.status(), expected, "%s", Subject.message("fault #" + number, entry.toString(),
                    "be " + expected.name().toLowerCase(java.util.Locale.ROOT), "it is " + entry.status().name().toLowerCase(java.util.Locale.ROOT)
                            + (entry.why().isEmpty() ? "" : " (" + entry.why() + ")"), seed, ""));
        }
        return this;
    }
}
