package dev.cascade.gate.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What the gate compares, by the name a rule uses for it. */
public enum Metric {
    /** {@code passed} or {@code failed}; failing is worse. */
    OUTCOME("outcome"),
    /** Restarts per tree path; more is worse. */
    RESTARTS("restarts"),
    /** Give-ups per supervisor path; more is worse. */
    GIVE_UPS("give_ups"),
    /** Messages lost per tree; more is worse. */
    LOST("lost"),
    /** Messages dropped per tree; more is worse. */
    DROPPED("dropped"),
    /** Time to recovery per tree (ms); longer is worse, not recovering is worst. */
    RECOVERY("recovery"),
    /** Each planned fault's status; a fault that no longer fires is worse. */
    LEDGER("ledger"),
    /** Each specification's verdict; anything but {@code PASS} after {@code PASS} is worse. */
    VERDICTS("verdicts");

    private final String ruleName;

    Metric(String ruleName) {
        this.ruleName = ruleName;
    }

    /** The name rules and the gate's table use. */
    public String ruleName() {
        return ruleName;
    }

    /** Whether its readings are counts or times, which real-mode rules compare with a tolerance. */
    public boolean numeric() {
        return this != OUTCOME && this != LEDGER && this != VERDICTS;
    }

    /** The metric a rule names, if any. */
    public static Optional<Metric> named(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(metric -> metric.ruleName.equals(wanted)).findFirst();
    }

    /** Every rule name, comma-separated, for error messages. */
    public static String names() {
        return Arrays.stream(values()).map(Metric::ruleName).collect(Collectors.joining(", "));
    }
}
