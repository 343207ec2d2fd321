package dev.cascade.internal.json;

import dev.cascade.scenario.ScenarioFormatException;
import dev.cascade.internal.json.JsonValue.JsonArray;
import dev.cascade.internal.json.JsonValue.JsonBoolean;
import dev.cascade.internal.json.JsonValue.JsonNumber;
import dev.cascade.internal.json.JsonValue.JsonObject;
import dev.cascade.internal.json.JsonValue.JsonString;
import java.util.ArrayList;
import java.util.List;

/**
 * A strict RFC 8259 parser. Duplicate keys are errors (reported at the object's {@link JsonPath});
 * syntax errors are reported at {@code line:column} (both 1-based, columns in UTF-16 units).
 * Not API.
 */
public final class JsonParser {

    /** Deeper documents are rejected rather than risking a {@link StackOverflowError}. */
    static final int MAX_DEPTH = 200;

    private static final JsonBoolean TRUE = new JsonBoolean(true);
    private static final JsonBoolean FALSE = new JsonBoolean(false);

    private final String text;
    /** Where the text ends: its length, or the end of the part of it that is parsed. */
    private final int end;
    /** The member names shared with other texts ({@link JsonLines}); null for a text parsed alone. */
    private final MemberNames names;
    private int pos;

    private JsonParser(String text, int end, MemberNames names) {
        this.text = text;
        this.end = end;
        this.names = names;
    }

    /** Where a value sits, rendered as a {@link JsonPath} only for an error: parsing builds no path text. */
    private record Where(Where parent, String key, int index) {
        static final Where TOP = new Where(null, null, -1);

        JsonPath path() {
            if (parent == null) {
                return JsonPath.TOP;
            }
            return key != null ? parent.path().field(key) : parent.path().index(index);
        }
    }

    /** Parses UTF-8 bytes; malformed UTF-8 is reported at its line and column. */
    public static JsonValue parse(byte[] utf8) {
        return parse(Utf8.decode(utf8));
    }

    /** Parses one JSON text; a leading byte order mark is ignored (RFC 8259 section 8.1). */
    public static JsonValue parse(String text) {
        return parse(text, text.length());
    }

    /**
     * Parses the first {@code end} characters of {@code text} as one JSON text, as {@link #parse(String)}
     * would parse {@code text.substring(0, end)}, without copying them (a line of a file without its
     * trailing comma).
     */
    public static JsonValue parse(String text, int end) {
        return parse(text, end, null);
    }

    /** As {@link #parse(String, int)}, sharing member names through {@code names} when it is not null. */
    static JsonValue parse(String text, int end, MemberNames names) {
        if (end < 0 || end > text.length()) {
            throw new IndexOutOfBoundsException("end " + end + " of a text of " + text.length() + " characters");
        }
        JsonParser parser = new JsonParser(text, end, names);
        if (text.startsWith("\uFEFF") && end > 0) {
            parser.pos = 1;
        }
        parser.skipWhitespace();
        JsonValue value = parser.value(null, null, -1, 0);
        parser.skipWhitespace();
        if (parser.pos < end) {
            throw parser.error("expected the end of the text after the top-level value but found " + parser.found());
        }
        return value;
    }

    /**
     * The value at member {@code key} (or element {@code index}) of the container at {@code parent},
     * the top-level value when {@code parent} is null; only a container gets a {@link Where} of its own
     * (a scalar has no members whose errors it would locate).
     */
    private JsonValue value(Where parent, String key, int index, int depth) {
        if (pos >= end) {
            throw error("expected a value but found the end of the text");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object(parent == null ? Where.TOP : new Where(parent, key, index), depth + 1);
            case '[' -> array(parent == null ? Where.TOP : new Where(parent, key, index), depth + 1);
            case '"' -> new JsonString(string());
            case 't' -> literal("true", TRUE);
            case 'f' -> literal("false", FALSE);
            case 'n' -> literal("null", JsonValue.NULL);
            default -> {
                if (c == '-' || isDigit(c)) {
                    yield number();
                }
                throw error("expected a value but found " + found());
            }
        };
    }

    private JsonObject object(Where at, int depth) {
        checkDepth(depth);
        pos++;
        ParsedMembers members = new ParsedMembers();
        skipWhitespace();
        if (next('}')) {
            return new JsonObject(members);
        }
        while (true) {
            skipWhitespace();
            if (!at('"')) {
                throw error("expected a member name in double quotes but found " + found());
            }
            String key = names == null ? string() : name();
            skipWhitespace();
            if (!next(':')) {
                throw error("expected ':' after the member name " + JsonWriter.quote(key) + " but found " + found());
            }
            skipWhitespace();
            if (members.putIfAbsent(key, value(at, key, -1, depth)) != null) { // one lookup per member
                throw new ScenarioFormatException(at.path().toString(), "duplicate key " + JsonWriter.quote(key));
            }
            skipWhitespace();
            if (next('}')) {
                return new JsonObject(members);
            }
            if (!next(',')) {
                throw error("expected ',' or '}' after a member but found " + found());
            }
        }
    }

    private JsonArray array(Where at, int depth) {
        checkDepth(depth);
        pos++;
        List<JsonValue> elements = new ArrayList<>();
        skipWhitespace();
        if (next(']')) {
            return new JsonArray(elements);
        }
        while (true) {
            skipWhitespace();
            elements.add(value(at, null, elements.size(), depth));
            skipWhitespace();
            if (next(']')) {
                return new JsonArray(elements);
            }
            if (!next(',')) {
                throw error("expected ',' or ']' after an element but found " + found());
            }
        }
    }

    private String string() {
        pos++;
        int start = pos;
        while (pos < end) { // the common case, a string without escapes, is a substring of the text
            char c = text.charAt(pos);
            if (c == '"') {
                return text.substring(start, pos++);
            }
            if (c == '\\' || c < 0x20) {
                break;
            }
            pos++;
        }
        StringBuilder out = new StringBuilder(pos - start + 16).append(text, start, pos);
        while (true) {
            if (pos >= end) {
                throw error("expected '\"' to end the string but found the end of the text");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return out.toString();
            } else if (c == '\\') {
                out.append(escape());
            } else if (c < 0x20) {
                throw error("control character " + found() + " must be escaped in a string");
            } else {
                out.append(c);
                pos++;
            }
        }
    }

    /** A member name, shared through {@link #names} when it has no escapes (else read as any string is). */
    private String name() {
        int start = pos + 1;
        for (int at = start; at < end; at++) {
            char c = text.charAt(at);
            if (c == '"') {
                pos = at + 1;
                return names.name(text, start, at);
            }
            if (c == '\\' || c < 0x20) {
                break;
            }
        }
        return string();
    }

    private char escape() {
        pos++;
        if (pos >= end) {
            throw error("expected an escape character after '\\' but found the end of the text");
        }
        char c = text.charAt(pos++);
        return switch (c) {
            case '"', '\\', '/' -> c;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> unicodeEscape();
            default -> {
                pos--;
                throw error("expected one of \" \\ / b f n r t u after '\\' but found " + found());
            }
        };
    }

    private char unicodeEscape() {
        int code = 0;
        for (int i = 0; i < 4; i++) {
            int digit = pos < end ? Character.digit(text.charAt(pos), 16) : -1;
            if (digit < 0) {
                throw error("expected 4 hexadecimal digits after '\\u' but found " + found());
            }
            code = code * 16 + digit;
            pos++;
        }
        return (char) code;
    }

    private JsonNumber number() {
        int start = pos;
        next('-');
        if (!next('0')) {
            digits("a digit");
        }
        if (next('.')) {
            digits("a digit after the decimal point");
        }
        if (next('e') || next('E')) {
            if (!next('+')) {
                next('-');
            }
            digits("a digit in the exponent");
        }
        return new JsonNumber(text.substring(start, pos));
    }

    private void digits(String what) {
        if (pos >= end || !isDigit(text.charAt(pos))) {
            throw error("expected " + what + " but found " + found());
        }
        while (pos < end && isDigit(text.charAt(pos))) {
            pos++;
        }
    }

    private JsonValue literal(String word, JsonValue value) {
        for (int i = 0; i < word.length(); i++, pos++) {
            if (pos >= end || text.charAt(pos) != word.charAt(i)) {
                throw error("expected " + word + " but found " + found());
            }
        }
        return value;
    }

    private void checkDepth(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("the text nests objects and arrays deeper than " + MAX_DEPTH + " levels");
        }
    }

    private void skipWhitespace() {
        while (pos < end) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private boolean at(char c) {
        return pos < end && text.charAt(pos) == c;
    }

    private boolean next(char c) {
        if (at(c)) {
            pos++;
            return true;
        }
        return false;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private String found() {
        if (pos >= end) {
            return "the end of the text";
        }
        char c = text.charAt(pos);
        return c < 0x20 || c == 0x7f || Character.isSurrogate(c) || Character.getType(c) == Character.FORMAT // BOM, bidi
                || Character.getType(c) == Character.CONTROL
                ? String.format("U+%04X", (int) c)
                : "'" + c + "'";
    }

    private ScenarioFormatException error(String problem) {
        return new ScenarioFormatException(TextPosition.of(text, pos), problem);
    }
}
