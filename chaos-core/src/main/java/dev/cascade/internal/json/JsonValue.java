package dev.cascade.internal.json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.SequencedMap;

/** A JSON value as read from (or to be written to) a file. Not API. */
public sealed interface JsonValue {

    /** An object; members keep their order and keys are unique. */
    record JsonObject(SequencedMap<String, JsonValue> members) implements JsonValue {
        /** Copies the members, keeping their order (the parser's own, checked as it reads them, are wrapped as they are). */
        public JsonObject {
            if (members instanceof ParsedMembers parsed) {
                members = Collections.unmodifiableSequencedMap(parsed);
            } else {
                members = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(members));
                members.forEach((key, value) -> {
                    Objects.requireNonNull(key, "key");
                    Objects.requireNonNull(value, "value");
                });
            }
        }

        /** An object with these members, in the map's iteration order. */
        public static JsonObject of(Map<String, JsonValue> members) {
            return new JsonObject(new LinkedHashMap<>(members));
        }
    }

    /** An array. */
    record JsonArray(List<JsonValue> elements) implements JsonValue {
        /** Copies the elements. */
        public JsonArray {
            elements = List.copyOf(elements);
        }

        /** An array of these elements. */
        public static JsonArray of(List<? extends JsonValue> elements) {
            return new JsonArray(new ArrayList<>(elements));
        }
    }

    /** A string. */
    record JsonString(String value) implements JsonValue {
        /** Rejects {@code null}. */
        public JsonString {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A number, kept as written so that integers stay exact and fractions can be reported as given. */
    record JsonNumber(String literal) implements JsonValue {
        /** Rejects {@code null}; the literal is trusted to be a JSON number. */
        public JsonNumber {
            Objects.requireNonNull(literal, "literal");
        }

        /** An integer. */
        public static JsonNumber of(long value) {
            return new JsonNumber(Long.toString(value));
        }

        /** Whether the literal is an integer without fraction or exponent (of any size): {@code -?(0|[1-9][0-9]*)}. */
        public boolean isIntegerLiteral() {
            int start = literal.startsWith("-") ? 1 : 0;
            int length = literal.length() - start;
            if (length < 1 || length > 1 && literal.charAt(start) == '0') {
                return false;
            }
            for (int i = start; i < literal.length(); i++) {
                char c = literal.charAt(i);
                if (c < '0' || c > '9') {
                    return false;
                }
            }
            return true;
        }

        /** The value if the literal is an integer that fits in a {@code long}. */
        public OptionalLong longValue() {
            if (!isIntegerLiteral()) {
                return OptionalLong.empty();
            }
            try {
                return OptionalLong.of(Long.parseLong(literal));
            } catch (NumberFormatException tooLarge) {
                return OptionalLong.empty();
            }
        }
    }

    /** {@code true} or {@code false}. */
    record JsonBoolean(boolean value) implements JsonValue {}

    /** {@code null}. */
    record JsonNull() implements JsonValue {}

    /** The {@code null} value. */
    JsonNull NULL = new JsonNull();

    /** A string value. */
    static JsonValue of(String value) {
        return new JsonString(value);
    }

    /** An integer value. */
    static JsonValue of(long value) {
        return JsonNumber.of(value);
    }

    /** A boolean value. */
    static JsonValue of(boolean value) {
        return new JsonBoolean(value);
    }

    /** How the value reads in an error message: scalars as JSON, containers by kind. */
    default String describe() {
        return switch (this) {
            case JsonObject o -> "an object";
            case JsonArray a -> "an array";
            case JsonString s -> dev.cascade.internal.Echo.quoted(s.value()); // cut and escaped: values reach terminals
            case JsonNumber n -> dev.cascade.internal.Echo.value(n.literal());
            case JsonBoolean b -> Boolean.toString(b.value());
            case JsonNull n -> "null";
        };
    }
}
