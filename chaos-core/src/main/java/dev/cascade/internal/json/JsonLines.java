package dev.cascade.internal.json;

/**
 * A parser for many JSON texts read one after another, such as a file of one object per line: each
 * is parsed as {@link JsonParser#parse(String, int)} parses it, and the member names they repeat are
 * one {@code String} each instead of a new one per text. Not thread-safe. Not API.
 *
 * <pre>{@code
 * JsonLines lines = new JsonLines();
 * JsonValue event = lines.parse(line, line.length() - 1);   // a line without its trailing comma
 * }</pre>
 */
public final class JsonLines {
    private final MemberNames names = new MemberNames();

    /** Parses the first {@code end} characters of {@code text} as one JSON text. */
    public JsonValue parse(String text, int end) {
        return JsonParser.parse(text, end, names);
    }
}
