package dev.cascade.genserver.internal;

import dev.cascade.genserver.From;
import dev.cascade.genserver.StartResult;
import dev.cascade.runtime.ExitReason;

/** The messages of the gen_server protocol. */
final class Protocol {
    private Protocol() {}

    /** {@code {'$gen_call', From, Request}}. */
    record CallRequest(From from, Object request) {}

    /** A reply to an alias. */
    record CallReply(long alias, Object value) {}

    /** {@code {'$gen_cast', Message}}. */
    record CastMessage(Object message) {}

    /** The system message of {@code gen_server:stop}. */
    record SystemStop(ExitReason reason) {}

    /** {@code proc_lib:init_ack}. */
    record InitAck(long tag, StartResult result) {}
}
