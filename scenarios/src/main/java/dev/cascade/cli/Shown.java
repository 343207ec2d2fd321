package dev.cascade.cli;

/**
 * Values echoed to the terminal (file names, arguments, whatever a file said): cut to about 80
 * characters and escaped, so that a 50 MB argument prints 80 characters and no control character,
 * ANSI escape, bidi override or BOM reaches the terminal.
 *
 * <pre>{@code
 * err.println("cannot read " + Shown.value(file.toString())); // a bidi override prints as the text \\u202E
 * }</pre>
 */
final class Shown {
    /** How many characters of a value are shown; the rest is replaced by "… (N characters)". */
    static final int MAX = 80;

    private Shown() {}

    /** {@code value}, cut to {@link #MAX} characters and escaped. */
    static String value(String value) {
        if (value.length() <= MAX) {
            return escape(value);
        }
        int end = Character.isHighSurrogate(value.charAt(MAX - 1)) ? MAX - 1 : MAX;
        return escape(value.substring(0, end)) + "… (" + value.length() + " characters)";
    }

    /** {@code text} with every character that could act on a terminal written as an escape; nothing cut. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (paired(text, i)) { // a character beyond the BMP: kept as it is
                out.append(c).append(text.charAt(++i));
            } else if (!acts(c)) {
                out.append(c);
            } else {
                switch (c) {
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> out.append(String.format("\\u%04X", (int) c));
                }
            }
        }
        return out.toString();
    }

    private static boolean paired(String text, int i) {
        return Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
    }

    /**
     * Control characters (ANSI escapes start with ESC), lone surrogates, the BOM, and the format
     * characters that reorder or hide text (bidi overrides and isolates, zero-width characters).
     */
    private static boolean acts(char c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                || type == Character.UNASSIGNED || c == '\u2028' || c == '\u2029';
    }
}
