package dev.cascade.chaos;

import java.util.function.IntFunction;

/**
 * A numbered message of a flood ({@code flood message 3}): what {@link #NUMBERED} makes, and what a
 * scenario file's {@code flood} sends. A flood with this generator can be written in a scenario
 * file; one with a generator of its own cannot (the file has no spelling for a function).
 *
 * <pre>{@code
 * Fault.flood("root/db", 1_000, FloodMessage.NUMBERED).atRate(Duration.ofMillis(1));
 * }</pre>
 *
 * @param number from 1
 */
public record FloodMessage(int number) {
    /** Message {@code i + 1} for the {@code i}-th message of a flood (from 0). */
    public static final IntFunction<Object> NUMBERED = i -> new FloodMessage(i + 1);

    @Override
    public String toString() {
        return "flood message " + number;
    }
}
