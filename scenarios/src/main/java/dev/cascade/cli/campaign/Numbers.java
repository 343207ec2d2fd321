package dev.cascade.cli.campaign;

import dev.cascade.internal.Echo;

/** Option values of the campaign commands, with messages naming the option and the value. */
final class Numbers {
    private Numbers() {}

    static long parse(String text, String option, long min, long max) {
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException(option + " needs a whole number, got " + Echo.quoted(text));
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(option + " must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }
}
