package dev.cascade.scenario.internal;

import dev.cascade.scenario.ScenarioFormatException;

import dev.cascade.internal.json.JsonPath;
import dev.cascade.internal.json.JsonValue;
import dev.cascade.internal.json.JsonValue.JsonArray;
import dev.cascade.internal.json.JsonValue.JsonBoolean;
import dev.cascade.internal.json.JsonValue.JsonNumber;
import dev.cascade.internal.json.JsonValue.JsonObject;
import dev.cascade.internal.json.JsonValue.JsonString;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checked access to the members of one JSON object at a known path. Every failure is a
 * {@link ScenarioFormatException} at the member's path, saying what was expected and what was found.
 */
public final class Fields {

    private final JsonObject object;
    private final JsonPath at;

    private Fields(JsonObject object, JsonPath at) {
        this.object = object;
        this.at = at;
    }

    /** The object at {@code at}; anything else is an error. */
    public static Fields of(JsonValue value, JsonPath at) {
        if (value instanceof JsonObject object) {
            return new Fields(object, at);
        }
        throw fail(at, "expected an object but was " + value.describe());
    }

    public static ScenarioFormatException fail(JsonPath at, String problem) {
        return new ScenarioFormatException(at.toString(), problem);
    }

    public JsonPath at() {
        return at;
    }

    public JsonPath at(String name) {
        return at.field(name);
    }

    /**
     * Rejects, in file order, the first member not in {@code allowed}: a known field that does not
     * apply here gets {@code notHere.get(name)}, anything else is an unknown field.
     */
    public void allowOnly(Set<String> allowed, Map<String, String> notHere) {
        for (String name : object.members().keySet()) {
            if (allowed.contains(name)) {
                continue;
            }
            String why = notHere.get(name);
            throw why != null ? fail(at(name), why) : fail(at, "unknown field " + JsonValue.of(name).describe());
        }
    }

    /** The member names, in file order. */
    public Set<String> names() {
        return object.members().keySet();
    }

    public boolean has(String name) {
        return object.members().containsKey(name);
    }

    public Optional<JsonValue> optional(String name) {
        return Optional.ofNullable(object.members().get(name));
    }

    public JsonValue required(String name) {
        return optional(name).orElseThrow(() -> fail(at(name), "required field missing"));
    }

    public long integer(String name, long min, long max) {
        return integer(required(name), at(name), min, max);
    }

    public long integer(String name, long min, long max, long absent) {
        return has(name) ? integer(name, min, max) : absent;
    }

    public String string(String name) {
        if (required(name) instanceof JsonString string) {
            return string.value();
        }
        throw fail(at(name), "expected a string but was " + required(name).describe());
    }

    public boolean bool(String name, boolean absent) {
        JsonValue value = optional(name).orElse(JsonValue.of(absent));
        if (value instanceof JsonBoolean bool) {
            return bool.value();
        }
        throw fail(at(name), "expected true or false but was " + value.describe());
    }

    public JsonArray array(String name) {
        if (required(name) instanceof JsonArray array) {
            return array;
        }
        throw fail(at(name), "expected an array but was " + required(name).describe());
    }

    /** One of {@code type}'s constants, spelled in lower case ({@code one_for_one}). */
    <E extends Enum<E>> E choice(String name, Class<E> type, E absent) {
        return has(name) ? choice(required(name), at(name), type) : absent;
    }

    public static <E extends Enum<E>> E choice(JsonValue value, JsonPath at, Class<E> type) {
        E[] constants = type.getEnumConstants();
        if (value instanceof JsonString string) {
            for (E constant : constants) {
                if (Checks.spelling(constant).equals(string.value())) {
                    return constant;
                }
            }
        }
        String expected = Arrays.stream(constants).map(Checks::spelling).collect(Collectors.joining(", "));
        throw fail(at, "expected one of " + expected + " but was " + value.describe());
    }

    /** An integer from {@code min} to {@code max}; fractions, exponents and other types are errors. */
    public static long integer(JsonValue value, JsonPath at, long min, long max) {
        java.math.BigDecimal number = value instanceof JsonNumber n ? Numbers.integral(n.literal()) : null;
        if (number == null || number.compareTo(java.math.BigDecimal.valueOf(min)) < 0
                || number.compareTo(java.math.BigDecimal.valueOf(max)) > 0) {
            throw fail(at, "expected " + Numbers.range(min, max) + " but was " + value.describe());
        }
        return number.longValueExact();
    }
}
