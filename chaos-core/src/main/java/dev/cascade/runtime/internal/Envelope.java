package dev.cascade.runtime.internal;

import dev.cascade.trace.Message;
import dev.cascade.trace.ProcessId;

/**
 * A queued message on a traced node: the message, the id of its {@code Sent} event, and its
 * sender, so a take can be traced as handled and a death can name what was lost.
 */
record Envelope(Object message, long id, ProcessId from, Message shown) {
    static Object payload(Object entry) {
        return entry instanceof Envelope envelope ? envelope.message() : entry;
    }
}
