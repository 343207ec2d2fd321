package dev.cascade.cli.campaign;

import java.util.List;

/** Option values of the campaign commands, with messages naming the option and the value. */
final class Numbers {
    private Numbers() {}

    static String value(List<String> args, int index, String missing) {
        if (index >= args.size() || args.get(index).startsWith("--")) {
            throw new IllegalArgumentException(missing);
        }
        return args.get(index);
    }

    static long parse(String text, String option, long min, long max) {
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException(option + " needs a whole number, got \"" + cut(text) + "\"");
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(option + " must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    static String cut(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
