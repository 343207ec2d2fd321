package dev.cascade.internal.json;

import java.util.Objects;

/**
 * Where a value sits in a JSON document, written as {@code tree.children[1].restart}. Not API.
 *
 * @param text the rendered path; empty for the top-level value
 */
public record JsonPath(String text) {

    /** The top-level value. */
    public static final JsonPath TOP = new JsonPath("");

    /** Rejects {@code null}. */
    public JsonPath {
        Objects.requireNonNull(text, "text");
    }

    /** The path of member {@code name} of the object at this path. */
    public JsonPath field(String name) {
        return new JsonPath(text.isEmpty() ? name : text + "." + name);
    }

    /** The path of element {@code index} of the array at this path. */
    public JsonPath index(int index) {
        return new JsonPath(text + "[" + index + "]");
    }

    /** The path as shown in messages; the top-level value is {@code (top level)}. */
    @Override
    public String toString() {
        return text.isEmpty() ? "(top level)" : text;
    }
}
