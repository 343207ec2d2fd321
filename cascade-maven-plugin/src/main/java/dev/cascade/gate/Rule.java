package dev.cascade.gate;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A rule of the gate, configured in the JaCoCo style: which tests (a glob over test ids), which
 * metrics, and how they compare with the baseline. The first rule whose glob matches a test
 * applies to it; a test no rule matches is compared on every metric with {@code noWorse}.
 *
 * <pre>{@code
 * <rule>
 *   <tests>dev.acme.payments.*</tests>
 *   <metrics>outcome,restarts,give_ups,lost</metrics>
 *   <compare>equal</compare>
 *   <tolerances><restarts>2</restarts><recovery>25%</recovery></tolerances>
 * </rule>
 * }</pre>
 *
 * <p>Metrics: {@code outcome}, {@code restarts}, {@code give_ups}, {@code lost}, {@code dropped},
 * {@code recovery}, {@code ledger}, {@code verdicts} (or {@code all}). {@code noWorse} fails on a
 * change for the worse only; {@code equal} on any change. Simulated results compare exactly;
 * real-mode results compare the numeric metrics ({@code restarts}, {@code give_ups}, {@code lost},
 * {@code dropped}, {@code recovery}) only within the tolerance the rule names for each (an
 * absolute count or milliseconds, or a percentage of the baseline) and skip those it names none for.
 */
public class Rule {
    /** The glob over test ids ({@code *} any characters, {@code ?} one); default every test. */
    private String tests = "*";
    /** Comma-separated metric names, or {@code all}. */
    private String metrics = "all";
    /** {@code noWorse} (default) or {@code equal}. */
    private String compare = "noWorse";
    /** Real-mode tolerances by metric name: {@code 2} (absolute) or {@code 25%} (of the baseline). */
    private Map<String, String> tolerances = new LinkedHashMap<>();

    /** A rule for every test, every metric, {@code noWorse}. */
    public Rule() {}

    /** A rule with these settings (for tests and programmatic use). */
    public Rule(String tests, String metrics, String compare, Map<String, String> tolerances) {
        this.tests = tests;
        this.metrics = metrics;
        this.compare = compare;
        this.tolerances = new LinkedHashMap<>(tolerances);
    }

    /** The glob over test ids. */
    public String tests() {
        return tests;
    }

    /** The metrics, comma-separated, or {@code all}. */
    public String metrics() {
        return metrics;
    }

    /** {@code noWorse} or {@code equal}. */
    public String compare() {
        return compare;
    }

    /** Real-mode tolerances by metric name. */
    public Map<String, String> tolerances() {
        return tolerances == null ? Map.of() : Map.copyOf(tolerances);
    }
}
