package dev.cascade.trace;

import dev.cascade.runtime.ExitReason;
import dev.cascade.trace.internal.Payload;

import java.util.Objects;
import java.util.Optional;

/**
 * A message as the trace shows it: what the user sent, with the runtime's own wrappers unwrapped —
 * {@code cast Increment}, {@code call GetBalance[account=7]}, {@code reply ok},
 * {@code 'EXIT' from root/db#1: killed} — and its type's simple name ({@code Increment}, or
 * {@code EXIT} / {@code DOWN} for the runtime's signal messages).
 *
 * <p>In a trace taken from a run, {@link #value()} is the user's own object (for predicates); a
 * trace read back from a file has only the text and the type. Two messages are equal when their
 * text and type are. The text of a user's message is rendered when first asked for (by a writer or
 * {@link #text()}): a message changed after it was sent shows its later state.
 *
 * <pre>{@code
 * sent.message().text();                                   // "cast Increment"
 * sent.message().value().filter(Increment.class::isInstance).isPresent();
 * }</pre>
 */
public final class Message {
    private final String prefix;
    private final Object value;
    private final boolean hasValue;
    private volatile String text;
    private volatile String type;

    private Message(String prefix, Object value, boolean hasValue, String text, String type) {
        this.prefix = prefix;
        this.value = value;
        this.hasValue = hasValue;
        this.text = text;
        this.type = type;
    }

    /**
     * The message {@code sent} as the user sees it: a GenServer call, cast or reply is shown as
     * {@code call X}, {@code cast X}, {@code reply X} with {@code X} the user's message.
     */
    public static Message of(Object sent) {
        if (sent instanceof Payload wrapped) {
            return new Message(wrapped.verb() + " ", wrapped.payload(), true, null, null);
        }
        return new Message("", sent, true, null, null);
    }

    /** An {@code 'EXIT'} message ({@code raw}) from {@code from}: {@code 'EXIT' from root/db#1: killed}. */
    public static Message exit(Object raw, ProcessId from, ExitReason reason) {
        return new Message("", raw, true, "'EXIT' from " + from + ": " + reason.describe(), "EXIT");
    }

    /** A {@code DOWN} message ({@code raw}) about {@code from}: {@code DOWN from root/db#1: noproc}. */
    public static Message down(Object raw, ProcessId from, ExitReason reason) {
        return new Message("", raw, true, "DOWN from " + from + ": " + reason.describe(), "DOWN");
    }

    /** A message known only by its text and type, as a trace file holds it. */
    public static Message read(String text, String type) {
        return new Message("", null, false, Objects.requireNonNull(text, "text"), Objects.requireNonNull(type, "type"));
    }

    /** The text: {@code cast Increment}, {@code 'EXIT' from root/db#1: killed}. */
    public String text() {
        String rendered = text;
        if (rendered == null) {
            rendered = prefix + render(value);
            text = rendered;
        }
        return rendered;
    }

    /** The simple name of the user's message's class ({@code Increment}); {@code EXIT}, {@code DOWN}; {@code null} for null. */
    public String type() {
        String name = type;
        if (name == null) {
            name = typeOf(value);
            type = name;
        }
        return name;
    }

    /** The user's own object, unwrapped; empty for a message read from a file or a null message. */
    public Optional<Object> value() {
        return hasValue ? Optional.ofNullable(value) : Optional.empty();
    }

    private static String render(Object value) {
        String text = String.valueOf(value);
        if (value instanceof Record && text.equals(value.getClass().getSimpleName() + "[]")) {
            return value.getClass().getSimpleName();
        }
        return text;
    }

    private static String typeOf(Object value) {
        if (value == null) {
            return "null";
        }
        String name = value.getClass().getSimpleName();
        return name.isEmpty() ? value.getClass().getName() : name;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Message that && text().equals(that.text()) && type().equals(that.type());
    }

    @Override
    public int hashCode() {
        return text().hashCode() * 31 + type().hashCode();
    }

    /** The text. */
    @Override
    public String toString() {
        return text();
    }
}
