package dev.cascade.spec;

import dev.cascade.internal.json.JsonValue;

import java.time.Duration;
import java.util.List;

/** The members of one JSON object of a plan file, read with the location of every error ({@code faults[3].target}). */
record PlanFields(String at, JsonValue.JsonObject object) {
    static PlanFields of(String at, JsonValue value) {
        if (!(value instanceof JsonValue.JsonObject object)) {
            throw new IllegalArgumentException((at.isEmpty() ? "the plan file" : at) + ": expected an object but was " + value.describe());
        }
        return new PlanFields(at, object);
    }

    boolean has(String name) {
        return object.members().containsKey(name);
    }

    JsonValue get(String name) {
        JsonValue value = object.members().get(name);
        if (value == null) {
            throw bad(name, "required but missing");
        }
        return value;
    }

    String string(String name) {
        if (get(name) instanceof JsonValue.JsonString text) {
            return text.value();
        }
        throw bad(name, "expected a string but was " + get(name).describe());
    }

    long number(String name) {
        if (get(name) instanceof JsonValue.JsonNumber number && number.longValue().isPresent()) {
            return number.longValue().getAsLong();
        }
        throw bad(name, "expected an integer but was " + get(name).describe());
    }

    Duration millis(String name) {
        long ms = number(name);
        if (ms < 0) {
            throw bad(name, "expected milliseconds >= 0 but was " + ms);
        }
        return Duration.ofMillis(ms);
    }

    List<JsonValue> array(String name) {
        if (get(name) instanceof JsonValue.JsonArray array) {
            return array.elements();
        }
        throw bad(name, "expected an array but was " + get(name).describe());
    }

    int[] attempts() {
        List<JsonValue> values = array("attempts");
        int[] attempts = new int[values.size()];
        for (int i = 0; i < attempts.length; i++) {
            if (!(values.get(i) instanceof JsonValue.JsonNumber n) || n.longValue().isEmpty() || n.longValue().getAsLong() < 1) {
                throw bad("attempts[" + i + "]", "expected a start attempt >= 1 but was " + values.get(i).describe());
            }
            attempts[i] = (int) n.longValue().getAsLong();
        }
        return attempts;
    }

    IllegalArgumentException bad(String name, String why) {
        return new IllegalArgumentException((at.isEmpty() ? "" : at + ".") + name + ": " + why);
    }
}
