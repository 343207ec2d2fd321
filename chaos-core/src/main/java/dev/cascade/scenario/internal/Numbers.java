package dev.cascade.scenario.internal;

import java.math.BigDecimal;

/**
 * Whole numbers in scenario and outcome files: written as integers ({@code 500}, not {@code 5e2} or
 * {@code 500.0}), compared with their bounds before they are converted, so a number of any size costs
 * nothing to refuse, and every refusal gives the valid range: {@code 1000000000000000} and {@code 1e15}
 * get the same message.
 */
final class Numbers {
    private static final java.util.regex.Pattern INTEGER = java.util.regex.Pattern.compile("-?(?:0|[1-9][0-9]*+)");

    private Numbers() {}

    /**
     * The value of a JSON number literal written as an integer (no fraction, no exponent), else null.
     * {@code 1e15} is refused like {@code 1000000000000000} beyond a bound: both messages give the range.
     */
    static BigDecimal integral(String literal) {
        return INTEGER.matcher(literal).matches() ? new BigDecimal(literal) : null;
    }

    /** The valid range in words: "an integer from 1 to 3153600000000", "an integer >= 0", "an integer". */
    static String range(long min, long max) {
        if (min == Long.MIN_VALUE && max == Long.MAX_VALUE) {
            return "an integer";
        }
        if (max == Long.MAX_VALUE) {
            return "an integer >= " + min;
        }
        return "an integer from " + min + " to " + max;
    }
}
