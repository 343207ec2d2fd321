package dev.cascade.runtime.internal;

/**
 * Marks the runtime's own messages (start acknowledgements, call replies, system stops), which a
 * bounded mailbox always admits, as it admits exit messages and DOWNs.
 */
public interface SystemMessage {
    static boolean is(Object message) {
        return message instanceof SystemMessage
                || message instanceof dev.cascade.runtime.ExitMessage
                || message instanceof dev.cascade.runtime.Down;
    }
}
