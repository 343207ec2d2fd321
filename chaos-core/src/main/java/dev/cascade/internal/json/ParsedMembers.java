package dev.cascade.internal.json;

import java.util.LinkedHashMap;

/**
 * The members of an object as the parser collects them: keys unique and values non-null by
 * construction, and never changed once the object is built, so {@link JsonValue.JsonObject} wraps
 * them instead of copying and checking them again (a trace file has an object per event). Only the
 * parser makes one.
 */
final class ParsedMembers extends LinkedHashMap<String, JsonValue> {
    ParsedMembers() {}
}
