package dev.cascade.trace.internal;

import dev.cascade.internal.json.JsonValue;
import dev.cascade.internal.json.JsonValue.JsonArray;
import dev.cascade.internal.json.JsonValue.JsonBoolean;
import dev.cascade.internal.json.JsonValue.JsonNumber;
import dev.cascade.internal.json.JsonValue.JsonObject;
import dev.cascade.internal.json.JsonValue.JsonString;
import dev.cascade.trace.TraceFormatException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Typed access to the members of one JSON object of a trace file, with errors that say where. Where
 * it is ({@code line 12, member "to"}) is worked out only for an error: a file has an object per
 * event and several within each. Not API.
 *
 * @param object the object
 * @param at     where it is in the file, for messages
 */
public record Members(JsonObject object, Supplier<String> at) {

    /** {@code value} as an object read at {@code where}. */
    public static Members of(JsonValue value, String where) {
        return of(value, () -> where);
    }

    /** {@code value} as an object read at {@code at}, asked only for an error. */
    public static Members of(JsonValue value, Supplier<String> at) {
        if (!(value instanceof JsonObject object)) {
            throw new TraceFormatException(at.get(), "expected an object but was " + value.describe());
        }
        return new Members(object, at);
    }

    /** Where the object is: {@code line 12}, {@code header}, {@code line 12, member "to"}. */
    public String where() {
        return at.get();
    }

    /** Whether member {@code name} is present. */
    public boolean has(String name) {
        return object.members().containsKey(name);
    }

    private JsonValue required(String name) {
        JsonValue value = object.members().get(name);
        if (value == null) {
            throw error(name, "is missing");
        }
        return value;
    }

    /** An error about member {@code name}. */
    public TraceFormatException error(String name, String problem) {
        return new TraceFormatException(where() + ", member \"" + name + "\"", problem);
    }

    /** A string member. */
    public String string(String name) {
        if (required(name) instanceof JsonString string) {
            return string.value();
        }
        throw error(name, "expected a string but was " + required(name).describe());
    }

    /** A string member that may be absent. */
    public Optional<String> optionalString(String name) {
        return has(name) ? Optional.of(string(name)) : Optional.empty();
    }

    /** An integer member. */
    public long number(String name) {
        if (required(name) instanceof JsonNumber number && number.longValue().isPresent()) {
            return number.longValue().getAsLong();
        }
        throw error(name, "expected an integer but was " + required(name).describe());
    }

    /** An integer member that may be absent. */
    public OptionalLong optionalNumber(String name) {
        return has(name) ? OptionalLong.of(number(name)) : OptionalLong.empty();
    }

    /** An int member. */
    public int integer(String name) {
        long value = number(name);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw error(name, "expected an int but was " + value);
        }
        return (int) value;
    }

    /** A boolean member. */
    public boolean bool(String name) {
        if (required(name) instanceof JsonBoolean bool) {
            return bool.value();
        }
        throw error(name, "expected true or false but was " + required(name).describe());
    }

    /** An object member. */
    public Members object(String name) {
        return Members.of(required(name), () -> where() + ", member \"" + name + "\"");
    }

    /** An array member. */
    public List<JsonValue> array(String name) {
        if (required(name) instanceof JsonArray array) {
            return array.elements();
        }
        throw error(name, "expected an array but was " + required(name).describe());
    }

    /** An array member of strings. */
    public List<String> strings(String name) {
        List<String> strings = new ArrayList<>();
        for (JsonValue element : array(name)) {
            if (!(element instanceof JsonString string)) {
                throw error(name, "expected strings but found " + element.describe());
            }
            strings.add(string.value());
        }
        return strings;
    }

    /** An array member of integers. */
    public List<Long> numbers(String name) {
        List<Long> numbers = new ArrayList<>();
        for (JsonValue element : array(name)) {
            if (!(element instanceof JsonNumber number) || number.longValue().isEmpty()) {
                throw error(name, "expected integers but found " + element.describe());
            }
            numbers.add(number.longValue().getAsLong());
        }
        return numbers;
    }
}
