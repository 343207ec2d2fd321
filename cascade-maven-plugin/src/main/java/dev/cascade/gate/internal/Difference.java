package dev.cascade.gate.internal;

/**
 * One reading that differs from the baseline.
 *
 * @param key      the reading's key ({@code restarts[payments:root/gateway]})
 * @param metric   its metric
 * @param baseline the baseline's reading
 * @param now      this run's reading
 * @param kind     worse, better, changed (neither, under an {@code equal} rule) or other (neither, under {@code noWorse})
 * @param rule     how it was compared ({@code noWorse}, {@code equal ±2})
 */
public record Difference(String key, Metric metric, Reading baseline, Reading now, Kind kind, String rule) {
    /** The direction of a difference. */
    public enum Kind { WORSE, BETTER, CHANGED, OTHER }

    /** Whether it fails the gate: worse, or any change under an {@code equal} rule. */
    public boolean drifts() {
        return kind == Kind.WORSE || kind == Kind.CHANGED;
    }

    /** {@code baseline → now}. */
    public String change() {
        return baseline.show() + " → " + now.show();
    }
}
