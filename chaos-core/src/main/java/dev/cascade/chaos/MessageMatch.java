package dev.cascade.chaos;

import dev.cascade.genserver.GenServer;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * Which messages a slow-handling fault slows: all, those of a type, or those a predicate accepts.
 * For a call the request is tested, for a cast its message, otherwise the message itself.
 *
 * @param name how the ledger names it
 */
public record MessageMatch(String name, Predicate<Object> test) {
    /** Every message, a GenServer's own inactivity timeout ({@code GenServer.TIMEOUT}) included. */
    public static final MessageMatch ALL = new MessageMatch("all messages", message -> true);

    /**
     * Every message a GenServer handles but its own inactivity timeout ({@code GenServer.TIMEOUT}),
     * which no process sent: what a scenario file's {@code slow_handling} slows.
     *
     * <pre>{@code
     * Fault.slowHandling("root/db", Duration.ofMillis(50)).matching(MessageMatch.EVERY_MESSAGE);
     * }</pre>
     */
    public static final MessageMatch EVERY_MESSAGE = new MessageMatch("every message", message -> message != GenServer.TIMEOUT);

    public MessageMatch {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(test, "test");
    }

    public static MessageMatch ofType(Class<?> type) {
        Objects.requireNonNull(type, "type");
        return new MessageMatch(type.getSimpleName() + " messages", type::isInstance);
    }

    public static MessageMatch of(String name, Predicate<Object> test) {
        return new MessageMatch(name, test);
    }

    public boolean matches(Object message) {
        return test.test(message);
    }

    @Override
    public String toString() {
        return name;
    }
}
