package dev.cascade.gate.internal;

import dev.cascade.internal.json.JsonValue;
import dev.cascade.internal.json.JsonValue.JsonArray;
import dev.cascade.internal.json.JsonValue.JsonNumber;
import dev.cascade.internal.json.JsonValue.JsonObject;
import dev.cascade.internal.json.JsonValue.JsonString;

import java.util.List;
import java.util.Optional;

/** Typed access to members of the project's JSON values, with messages naming the file and member. */
final class Json {
    private final String file;

    Json(String file) {
        this.file = file;
    }

    JsonObject object(JsonValue value, String where) {
        if (value instanceof JsonObject object) {
            return object;
        }
        throw wrong(where, "an object", value);
    }

    Optional<JsonValue> member(JsonObject object, String name) {
        return Optional.ofNullable(object.members().get(name)).filter(value -> !(value instanceof JsonValue.JsonNull));
    }

    String string(JsonObject object, String name, String where) {
        JsonValue value = object.members().get(name);
        if (value instanceof JsonString string) {
            return string.value();
        }
        throw wrong(where + "." + name, "a string", value);
    }

    String stringOr(JsonObject object, String name, String fallback) {
        return object.members().get(name) instanceof JsonString string ? string.value() : fallback;
    }

    long integer(JsonValue value, String where) {
        if (value instanceof JsonNumber number && number.longValue().isPresent()) {
            return number.longValue().getAsLong();
        }
        throw wrong(where, "an integer", value);
    }

    List<JsonValue> array(JsonObject object, String name, String where) {
        JsonValue value = object.members().get(name);
        if (value == null) {
            return List.of();
        }
        if (value instanceof JsonArray array) {
            return array.elements();
        }
        throw wrong(where + "." + name, "an array", value);
    }

    /** The error for a member of the wrong type; the value is echoed cut and escaped ({@link JsonValue#describe}). */
    IllegalArgumentException wrong(String where, String expected, JsonValue value) {
        String found = value == null ? "nothing" : value.describe();
        return new IllegalArgumentException(file + ": " + where + " should be " + expected + " but is " + found
                + "; regenerate the file (mvn test for result records, cascade:baseline for the baseline)");
    }
}
