package dev.cascade.internal.json;

import dev.cascade.internal.json.JsonValue.JsonArray;
import dev.cascade.internal.json.JsonValue.JsonBoolean;
import dev.cascade.internal.json.JsonValue.JsonNull;
import dev.cascade.internal.json.JsonValue.JsonNumber;
import dev.cascade.internal.json.JsonValue.JsonObject;
import dev.cascade.internal.json.JsonValue.JsonString;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes JSON deterministically, indented by 2 spaces, with a trailing newline. Not API.
 *
 * <p>Layout, chosen for small diffs and to match the hand-written examples of
 * {@code scenario-format.md}: a <em>flat</em> value (a scalar, an array of scalars, or an object
 * whose members are scalars or arrays of scalars) is written on one line, as
 * {@code { "type": "started", "path": "root/db", "incarnation": 1 }}, so each event, fault or
 * worker takes one line. Everything else is written one member or element per line.
 */
public final class JsonWriter {

    private final StringBuilder out = new StringBuilder();

    private JsonWriter() {}

    /** The text of {@code value}. */
    public static String write(JsonValue value) {
        JsonWriter writer = new JsonWriter();
        writer.value(value, 0);
        return writer.out.append('\n').toString();
    }

    /** {@code value} as a JSON string literal: quoted, with {@code "}, {@code \} and controls escaped. */
    public static String quote(String value) {
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                case '\b' -> quoted.append("\\b");
                case '\f' -> quoted.append("\\f");
                default -> {
                    if (c < 0x20 || isLoneSurrogate(value, i)) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    private static boolean isLoneSurrogate(String value, int i) {
        char c = value.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1));
        }
        return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(value.charAt(i - 1)));
    }

    private void value(JsonValue value, int indent) {
        if (isFlat(value)) {
            out.append(inline(value));
            return;
        }
        switch (value) {
            case JsonObject object -> object(object, indent);
            case JsonArray array -> array(array, indent);
            default -> out.append(inline(value));
        }
    }

    private void object(JsonObject object, int indent) {
        out.append("{\n");
        Iterator<Map.Entry<String, JsonValue>> members = object.members().entrySet().iterator();
        while (members.hasNext()) {
            Map.Entry<String, JsonValue> member = members.next();
            pad(indent + 2).append(quote(member.getKey())).append(": ");
            value(member.getValue(), indent + 2);
            out.append(members.hasNext() ? ",\n" : "\n");
        }
        pad(indent).append('}');
    }

    private void array(JsonArray array, int indent) {
        out.append("[\n");
        Iterator<JsonValue> elements = array.elements().iterator();
        while (elements.hasNext()) {
            pad(indent + 2);
            value(elements.next(), indent + 2);
            out.append(elements.hasNext() ? ",\n" : "\n");
        }
        pad(indent).append(']');
    }

    private StringBuilder pad(int indent) {
        return out.repeat(' ', indent);
    }

    private static boolean isFlat(JsonValue value) {
        return switch (value) {
            case JsonObject object -> object.members().values().stream()
                    .allMatch(member -> isScalar(member) || isScalarArray(member));
            case JsonArray array -> isScalarArray(array);
            default -> true;
        };
    }

    private static boolean isScalarArray(JsonValue value) {
        return value instanceof JsonArray array && array.elements().stream().allMatch(JsonWriter::isScalar);
    }

    private static boolean isScalar(JsonValue value) {
        return !(value instanceof JsonObject) && !(value instanceof JsonArray);
    }

    private static String inline(JsonValue value) {
        return switch (value) {
            case JsonObject object -> object.members().isEmpty() ? "{}" : object.members().entrySet().stream()
                    .map(member -> quote(member.getKey()) + ": " + inline(member.getValue()))
                    .collect(Collectors.joining(", ", "{ ", " }"));
            case JsonArray array -> array.elements().stream()
                    .map(JsonWriter::inline)
                    .collect(Collectors.joining(", ", "[", "]"));
            case JsonString string -> quote(string.value());
            case JsonNumber number -> number.literal();
            case JsonBoolean bool -> Boolean.toString(bool.value());
            case JsonNull nothing -> "null";
        };
    }
}
