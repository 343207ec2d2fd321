package dev.cascade.internal;

/**
 * How a value from a file or a command line is echoed in a message: cut to {@link #MAX} characters
 * (a 50 MB name prints 80 characters and its length) and with every character that could act on a
 * terminal written as an escape: control characters (ANSI escapes begin with ESC), format
 * characters (the BOM, bidi overrides and isolates, zero-width characters), lone surrogates and the
 * line and paragraph separators. Printable text, accents and emoji are kept as they are.
 *
 * <pre>{@code
 * String shown = Echo.quoted(nameFromAFile); // at most 80 characters in quotes, escaped, then its length if cut
 * }</pre>
 */
public final class Echo {
    /** How many characters of a value are shown. */
    public static final int MAX = 80;

    private Echo() {}

    /** {@code value} in double quotes, JSON-escaped, cut to {@link #MAX} characters. */
    public static String quoted(String value) {
        String shown = escape(cut(value, MAX).replace("\\", "\\\\").replace("\"", "\\\""));
        return "\"" + shown + "\"" + (value.length() > MAX ? " (" + value.length() + " characters)" : "");
    }

    /** {@code value} escaped and cut to {@link #MAX} characters, without quotes (a number, a word). */
    public static String value(String value) {
        return escape(cut(value, MAX)) + (value.length() > MAX ? " (" + value.length() + " characters)" : "");
    }

    /** {@code text} cut to {@code max} characters (never inside a surrogate pair), with "…" when cut. */
    public static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end) + "…";
    }

    /**
     * {@code text} in at most {@code max} characters before escaping (the last one "…" when it is
     * cut), escaped: a message or an argument in a trace line or a ledger line, where the budget is
     * smaller than {@link #MAX} and no length is added.
     */
    public static String shortened(String text, int max) {
        return escape(text.length() <= max ? text : cut(text, max - 1));
    }

    /** {@code text} with every character that could act on a terminal written as {@code \}{@code uXXXX}; nothing is cut. */
    public static String escape(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair || !acts(c)) {
                if (out != null) {
                    out.append(c);
                    if (pair) {
                        out.append(text.charAt(i + 1));
                    }
                }
                if (pair) {
                    i++;
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean acts(char c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                || type == Character.UNASSIGNED || type == Character.PRIVATE_USE
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }
}
