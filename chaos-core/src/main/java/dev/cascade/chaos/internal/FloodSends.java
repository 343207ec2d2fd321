package dev.cascade.chaos.internal;

import dev.cascade.chaos.Fault;
import dev.cascade.genserver.GenServer;
import dev.cascade.runtime.CallFailedException;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.internal.ProcessCell;

/**
 * One message of a flood, in the form the flood asks for. A call is made from a caller of its own
 * (spawned by the flooder, outside the tree), so a flood of calls fills the mailbox at once as many
 * clients would; each caller's outcome (reply, timeout) is in the trace, and a failed call ends
 * only its caller.
 */
final class FloodSends {
    private FloodSends() {}

    static void send(ProcessCell from, Pid to, Fault.FloodAs as, Object message) {
        switch (as) {
            case MESSAGES -> from.send(to, message);
            case CASTS -> GenServer.cast(from, to, message);
            case CALLS -> {
                long because = from.cause();
                from.spawn(caller -> {
                    ProcessCell.of(caller).causedBy(because);
                    try {
                        GenServer.call(caller, to, message);
                    } catch (CallFailedException failed) {
                        // traced as CallTimedOut / CallFailed; the flood is about the load, not the answers
                    }
                });
            }
        }
    }
}
