package dev.cascade.genserver.internal;

import dev.cascade.genserver.From;
import dev.cascade.genserver.StartResult;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.Timeout;
import dev.cascade.runtime.internal.AliasedReply;
import dev.cascade.runtime.internal.SystemMessage;
import dev.cascade.trace.internal.Payload;

/** The messages of the gen_server protocol. */
final class Protocol {
    private Protocol() {}

    /** {@code {'$gen_call', From, Request}}, with the caller's timeout (for faults that outlast it). */
    record CallRequest(From from, Object request, Timeout timeout) implements Payload {
        @Override
        public Object payload() {
            return request;
        }

        @Override
        public String verb() {
            return "call";
        }

        @Override
        public String toString() {
            return "call " + request;
        }
    }

    /** A reply to an alias. */
    record CallReply(long alias, Object value) implements AliasedReply, Payload {
        @Override
        public Object payload() {
            return value;
        }

        @Override
        public String verb() {
            return "reply";
        }

        @Override
        public String toString() {
            return "reply " + value;
        }
    }

    /** {@code {'$gen_cast', Message}}. */
    record CastMessage(Object message) implements Payload {
        @Override
        public Object payload() {
            return message;
        }

        @Override
        public String verb() {
            return "cast";
        }

        @Override
        public String toString() {
            return "cast " + message;
        }
    }

    /** The system message of {@code gen_server:stop}. */
    record SystemStop(ExitReason reason) implements SystemMessage {}

    /** {@code proc_lib:init_ack}. */
    record InitAck(long tag, StartResult result) implements SystemMessage {}
}
