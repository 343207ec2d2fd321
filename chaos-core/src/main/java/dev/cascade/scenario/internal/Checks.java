package dev.cascade.scenario.internal;

import dev.cascade.supervisor.Shutdown;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** Checks shared by the compact constructors of the scenario records; messages name the value. */
public final class Checks {

    public static final Pattern NAME = Pattern.compile("[a-z0-9_-]+");
    public static final Pattern ID = Pattern.compile("[a-z0-9_]+");
    // Possessive: no stack per segment, so a path of any length is checked (see FaultChecks.PATH).
    public static final Pattern PATH = Pattern.compile("[a-z0-9_]++(?:/[a-z0-9_]++)*+");
    public static final Pattern REASON = Pattern.compile("(shutdown:)?[a-z0-9_]+");

    private Checks() {}

    public static <T> T notNull(String what, T value) {
        return Objects.requireNonNull(value, () -> what + " must not be null");
    }

    public static String matching(String what, String value, Pattern pattern) {
        notNull(what, value);
        if (!pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must match " + pattern + " but was: " + dev.cascade.internal.Echo.quoted(value));
        }
        return value;
    }

    public static long atLeast(String what, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(what + " must be >= " + min + " but was: " + value);
        }
        return value;
    }

    /** A duration in whole milliseconds (files can say nothing finer), at least {@code minMillis}. */
    public static Duration millis(String what, Duration value, long minMillis) {
        notNull(what, value);
        if (value.compareTo(Duration.ofMillis(minMillis)) < 0 || value.compareTo(dev.cascade.internal.Limits.LONGEST) > 0
                || value.getNano() % 1_000_000 != 0) { // the reader's bound too: one rule for files and the DSL
            throw new IllegalArgumentException(what + " must be a whole number of milliseconds from " + minMillis + " to "
                    + dev.cascade.internal.Limits.LONGEST_MS + " but was: " + dev.cascade.internal.Limits.millis(value));
        }
        return value;
    }

    /** A duration in whole seconds (OTP counts restart periods in seconds), at least {@code minSeconds}. */
    public static Duration seconds(String what, Duration value, long minSeconds) {
        notNull(what, value);
        if (value.compareTo(Duration.ofSeconds(minSeconds)) < 0 || value.compareTo(dev.cascade.internal.Limits.LONGEST) > 0
                || value.getNano() != 0) {
            throw new IllegalArgumentException(what + " must be a whole number of seconds from " + minSeconds + " to "
                    + dev.cascade.internal.Limits.LONGEST_S + " but was: "
                    + (value.getNano() == 0 ? value.getSeconds() + " s" : dev.cascade.internal.Limits.millis(value)));
        }
        return value;
    }

    /** A shutdown whose timeout, if any, is whole milliseconds >= 1 (OTP rejects a zero timeout in files). */
    public static Shutdown shutdown(String what, Shutdown value) {
        notNull(what, value);
        if (value instanceof Shutdown.Timeout timeout) {
            millis(what + " timeout", timeout.duration(), 1);
        }
        return value;
    }

    /** The file spelling of a constant: {@code ONE_FOR_ONE} is {@code one_for_one}. */
    public static String spelling(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /** {@code 250 ms} for whole milliseconds, the ISO form ({@code PT0.0001S}) otherwise. */
    public static String render(Duration value) {
        try {
            return value.getNano() % 1_000_000 == 0 ? value.toMillis() + " ms" : value.toString();
        } catch (ArithmeticException tooLong) {
            return value.toString();
        }
    }
}
