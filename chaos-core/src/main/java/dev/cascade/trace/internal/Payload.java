package dev.cascade.trace.internal;

/** A protocol wrapper around the user's own message (a GenServer call or cast): traces name the message inside. */
public interface Payload {
    Object payload();
}
