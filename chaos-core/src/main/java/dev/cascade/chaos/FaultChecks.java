package dev.cascade.chaos;

import java.time.Duration;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Shared argument checks, with messages that name the value and what would be valid. */
final class FaultChecks {
    // Possessive, so that matching takes no stack per segment: "(/x+)*" recursed once per segment and
    // overflowed the stack for paths of thousands of segments (issue 14).
    static final Pattern PATH = Pattern.compile("[A-Za-z0-9_.-]++(?:/[A-Za-z0-9_.-]++)*+");
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_:.-]+");
    /** The longest time a plan may name: a century, far below where nanoseconds overflow. */
    static final Duration LONGEST = dev.cascade.internal.Limits.LONGEST;

    private FaultChecks() {}

    static void path(String what, String path) {
        Objects.requireNonNull(path, what);
        if (!PATH.matcher(path).matches()) {
            throw new IllegalArgumentException(what + " must be a tree path like root/app/cache (ids joined by /) but was "
                    + dev.cascade.internal.Echo.quoted(path));
        }
    }

    static void word(String what, String word) {
        Objects.requireNonNull(word, what);
        if (!WORD.matcher(word).matches()) {
            throw new IllegalArgumentException(what + " must be a word like boom (letters, digits, _ : . -) but was " + dev.cascade.internal.Echo.quoted(word));
        }
    }

    static void notNegative(String what, Duration duration) {
        Objects.requireNonNull(duration, what);
        if (duration.isNegative() || duration.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException(what + " must be between 0 and " + LONGEST.toMillis() + " ms (" + LONGEST.toDays()
                    + " days) but was " + dev.cascade.internal.Limits.millis(duration));
        }
    }

    static void positive(String what, Duration duration) {
        notNegative(what, duration);
        if (duration.isZero()) {
            throw new IllegalArgumentException(what + " must be > 0 but was 0");
        }
    }

    static Set<Integer> set(int... attempts) {
        Set<Integer> set = new TreeSet<>();
        for (int attempt : attempts) {
            set.add(attempt);
        }
        return set;
    }

    /**
     * The checked attempts as an unmodifiable set in ascending order: a fault describes itself (in the
     * ledger, the trace and outcome files) the same way on every run, whatever order it was given.
     */
    static Set<Integer> attempts(String target, Set<Integer> attempts) {
        Objects.requireNonNull(attempts, "attempts");
        if (attempts.isEmpty()) {
            throw new IllegalArgumentException("a start fault on " + target + " needs at least one start attempt (1 = the first start)");
        }
        Set<Integer> sorted = new TreeSet<>();
        for (Integer attempt : attempts) {
            if (attempt == null || attempt < 1) {
                throw new IllegalArgumentException("start attempts of " + target + " count from 1 (the first start) but got "
                        + attempt);
            }
            sorted.add(attempt);
        }
        return Collections.unmodifiableSet(sorted);
    }

    /** A fault's exception: a concrete type with a public constructor taking the message, and a message. */
    static void throwable(Class<? extends Throwable> type, String message) {
        Objects.requireNonNull(message, "message");
        if (java.lang.reflect.Modifier.isAbstract(type.getModifiers())) {
            throw new IllegalArgumentException(type.getName() + " is abstract; a fault throws a concrete exception type");
        }
        try {
            type.getConstructor(String.class);
        } catch (NoSuchMethodException missing) {
            throw new IllegalArgumentException(type.getName() + " has no public constructor taking a message (String); "
                    + "a fault makes its exception with one");
        }
    }

    static int callNumber(Object method, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("fault in " + method + ": onCall needs a call number >= 1 (1 = the first call) but was " + n);
        }
        return n;
    }

    static String millis(Duration duration) {
        return duration.toMillis() + " ms";
    }

}
