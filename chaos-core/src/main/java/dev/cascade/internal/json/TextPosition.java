package dev.cascade.internal.json;

/** Renders an offset in a text as {@code line:column}, both 1-based. */
final class TextPosition {

    private TextPosition() {}

    /** The {@code line:column} of {@code offset} (a UTF-16 index) in {@code text}. */
    static String of(CharSequence text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return line + ":" + (offset - lineStart + 1);
    }
}
