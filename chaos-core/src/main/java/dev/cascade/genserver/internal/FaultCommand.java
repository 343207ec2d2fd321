package dev.cascade.genserver.internal;

import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.internal.SystemMessage;

/**
 * What a fault plan asks a GenServer to do to itself. The server loop takes it in mailbox order, as
 * the next message, and acts as if a handler had raised or stopped: {@code terminate} runs with the
 * current state, and the server exits. Its own callbacks never see it, and a bounded mailbox always
 * admits it: a fault is never lost to a bound.
 */
public sealed interface FaultCommand extends SystemMessage {
    /** A handler throws {@code Crash(reason)}: the exit reason is {@code error:<reason>}. */
    record Raise(String reason) implements FaultCommand {
        @Override
        public String toString() {
            return "fault raise " + reason;
        }
    }

    /** A handler returns stop with {@code reason}. */
    record Stop(ExitReason reason) implements FaultCommand {
        @Override
        public String toString() {
            return "fault stop " + reason.describe();
        }
    }
}
