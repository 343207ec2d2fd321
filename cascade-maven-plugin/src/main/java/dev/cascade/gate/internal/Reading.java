package dev.cascade.gate.internal;

/** One value of one metric in one run: a count (or milliseconds), a label, or nothing. */
public sealed interface Reading {
    /** A count or a time in milliseconds. */
    record Count(long value) implements Reading {}

    /** A label: an outcome, a fault's status, a verdict. */
    record Label(String value) implements Reading {}

    /** No value: a tree that did not recover, a fault or verdict this run does not have. */
    record Absent(String meaning) implements Reading {}

    /** How the reading appears in the table. */
    default String show() {
        return switch (this) {
            case Count count -> Long.toString(count.value());
            case Label label -> label.value();
            case Absent absent -> absent.meaning();
        };
    }
}
