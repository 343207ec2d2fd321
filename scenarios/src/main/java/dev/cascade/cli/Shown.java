package dev.cascade.cli;

import dev.cascade.internal.Echo;

/**
 * Values echoed to the terminal (file names, arguments, what a file said), as every Cascade message
 * echoes them ({@link Echo}): cut to about 80 characters and escaped, so that a 50 MB argument prints
 * 80 characters and no control character, ANSI escape, bidi override or BOM reaches the terminal.
 *
 * <pre>{@code
 * err.println("cannot read " + Shown.value(file)); // a bidi override prints as the six characters \u202e
 * }</pre>
 */
final class Shown {
    private Shown() {}

    /** {@code value}, cut to 80 characters and escaped. */
    static String value(String value) {
        return Echo.value(value);
    }

    /** {@code text} with every character that could act on a terminal escaped; nothing cut. */
    static String escape(String text) {
        return Echo.escape(text);
    }
}
