package dev.cascade.internal.json;

/**
 * The member names texts parsed one after another share: a name met again (every event of a trace
 * file has {@code "id"}, {@code "at_ns"}, {@code "type"}, …) is the same {@code String}, found by its
 * characters in the text without making a new one. A small table: a name whose slot another holds
 * replaces it, so it never grows whatever the texts say.
 */
final class MemberNames {
    private static final int SLOTS = 256;

    private final String[] names = new String[SLOTS];

    /** The name written as {@code text[start, end)} (no escapes in it). */
    String name(String text, int start, int end) {
        int hash = 0;
        for (int i = start; i < end; i++) {
            hash = 31 * hash + text.charAt(i);
        }
        int slot = (hash ^ hash >>> 16) & (SLOTS - 1);
        String known = names[slot];
        int length = end - start;
        if (known != null && known.length() == length && text.regionMatches(start, known, 0, length)) {
            return known;
        }
        String name = text.substring(start, end);
        names[slot] = name;
        return name;
    }
}
