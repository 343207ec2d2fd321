package dev.cascade.trace.internal;

/**
 * A protocol wrapper around the user's own message (a GenServer call, cast or reply): traces show
 * the message inside, after the verb. Not API.
 */
public interface Payload {
    /** The user's message inside. */
    Object payload();

    /** How the trace names the wrapper: {@code call}, {@code cast}, {@code reply}. */
    String verb();
}
