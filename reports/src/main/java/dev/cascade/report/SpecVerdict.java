package dev.cascade.report;

import dev.cascade.spec.Verdict;

import java.util.List;
import java.util.Objects;

/**
 * The verdict of one specification on a run, as the report lists it, with the events that violate it.
 *
 * <pre>{@code
 * new SpecVerdict("isolation(root/gateway, root/ledger)", "FAIL", "root/ledger#1 exited killed", List.of(41L));
 * }</pre>
 *
 * @param spec    the specification, as it describes itself
 * @param verdict {@code PASS}, {@code FAIL} or {@code INCONCLUSIVE}
 * @param why     what it found (for INCONCLUSIVE: why it could not decide); may be empty
 * @param events  the ids of the events that violate it (highlighted on the page)
 */
public record SpecVerdict(String spec, String verdict, String why, List<Long> events) {
    public SpecVerdict {
        Objects.requireNonNull(spec, "spec");
        if (!List.of("PASS", "FAIL", "INCONCLUSIVE").contains(verdict)) {
            throw new IllegalArgumentException("verdict must be one of PASS, FAIL, INCONCLUSIVE but was: " + verdict);
        }
        Objects.requireNonNull(why, "why");
        events = List.copyOf(events);
    }

    /** A specification's verdict as the report lists it ({@code Verdict.Fail}'s events highlighted). */
    public static SpecVerdict of(Verdict verdict) {
        return switch (verdict) {
            case Verdict.Pass pass -> new SpecVerdict(pass.spec(), "PASS", "", List.of());
            case Verdict.Fail fail -> new SpecVerdict(fail.spec(), "FAIL", fail.what(), fail.events());
            case Verdict.Inconclusive inconclusive -> new SpecVerdict(inconclusive.spec(), "INCONCLUSIVE", inconclusive.why(), List.of());
        };
    }
}
