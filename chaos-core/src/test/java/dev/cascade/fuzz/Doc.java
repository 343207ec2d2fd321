package dev.cascade.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A JSON document as the fuzzer builds and mutates it: objects keep their members as a list, so a
 * key may be duplicated; numbers are kept as the text they are written with ({@code 1e15},
 * {@code 1000000000000000}, {@code -0}), so any spelling can be produced.
 */
final class Doc {
    private Doc() {}

    /** A number as written. */
    record Num(String text) {}

    /** One member of an object. */
    record Member(String key, Object value) {}

    /** An object: its members in order, duplicates allowed. */
    record Obj(List<Member> members) {
        Obj {
            members = new ArrayList<>(members);
        }

        static Obj of(Object... keysAndValues) {
            List<Member> members = new ArrayList<>();
            for (int i = 0; i < keysAndValues.length; i += 2) {
                members.add(new Member((String) keysAndValues[i], keysAndValues[i + 1]));
            }
            return new Obj(members);
        }
    }

    /** An array. */
    record Arr(List<Object> elements) {
        Arr {
            elements = new ArrayList<>(elements);
        }
    }

    static Num num(long value) {
        return new Num(Long.toString(value));
    }

    /** The document as JSON text. */
    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value) {
        // an explicit stack: the fuzzer nests deeper than a recursive writer could go
        List<Object> stack = new ArrayList<>();
        stack.add(value);
        while (!stack.isEmpty()) {
            Object next = stack.removeLast();
            switch (next) {
                case null -> out.append("null");
                case Raw raw -> out.append(raw.text());
                case Boolean b -> out.append(b);
                case Num n -> out.append(n.text());
                case String s -> string(out, s);
                case Arr a -> {
                    out.append('[');
                    stack.add(new Raw("]"));
                    for (int i = a.elements().size() - 1; i >= 0; i--) {
                        stack.add(a.elements().get(i));
                        if (i > 0) {
                            stack.add(new Raw(","));
                        }
                    }
                }
                case Obj o -> {
                    out.append('{');
                    stack.add(new Raw("}"));
                    for (int i = o.members().size() - 1; i >= 0; i--) {
                        Member m = o.members().get(i);
                        stack.add(m.value());
                        stack.add(new Raw(quoted(m.key()) + ":"));
                        if (i > 0) {
                            stack.add(new Raw(","));
                        }
                    }
                }
                case Map<?, ?> unexpected -> throw new IllegalArgumentException("use Obj, not a Map");
                default -> throw new IllegalArgumentException("not a JSON value: " + next.getClass());
            }
        }
    }

    /** Text written as it is (punctuation, or a fragment a mutation made). */
    record Raw(String text) {}

    private static String quoted(String s) {
        StringBuilder out = new StringBuilder();
        string(out, s);
        return out.toString();
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** A deep copy, so a mutation never changes the document it started from. */
    static Object copy(Object value) {
        return switch (value) {
            case Obj o -> new Obj(o.members().stream().map(m -> new Member(m.key(), copy(m.value()))).toList());
            case Arr a -> new Arr(a.elements().stream().map(Doc::copy).toList());
            case null -> null;
            default -> value;
        };
    }
}
