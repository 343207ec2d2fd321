package dev.cascade.gate.internal;

import dev.cascade.internal.Echo;

/**
 * How far a real-mode reading may move from its baseline: an absolute amount or a percentage
 * of the baseline.
 *
 * @param amount  the amount, in the metric's unit, or the percentage
 * @param percent whether {@code amount} is a percentage
 */
public record Tolerance(long amount, boolean percent) {
    /** Reads {@code 2} or {@code 25%}; the message names the rule's metric and the value. */
    public static Tolerance parse(String metric, String text) {
        String value = text == null ? "" : text.strip();
        boolean percent = value.endsWith("%");
        String digits = percent ? value.substring(0, value.length() - 1).strip() : value;
        try {
            long amount = Long.parseLong(digits);
            if (amount >= 0) {
                return new Tolerance(amount, percent);
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new IllegalArgumentException("tolerance for " + metric + " is " + Echo.quoted(value)
                + " but should be a whole number >= 0 (an amount) or a percentage like 25%; fix the rule's <tolerances>");
    }

    /** The largest allowed move away from this baseline value. */
    public long allowedFrom(long baseline) {
        return percent ? Math.abs(baseline) * amount / 100 : amount;
    }

    /** As written in a rule. */
    public String show() {
        return amount + (percent ? "%" : "");
    }
}
