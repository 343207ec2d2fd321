package dev.cascade.mailbox;

import dev.cascade.conformance.Inbox;
import dev.cascade.runtime.ExitMessage;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.MailboxLimit;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.runtime.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A process with a bounded mailbox that takes nothing out of it until its opener sends it the exit
 * signal {@link #OPEN} (exit messages always get in, full or not): its mailbox fills up meanwhile.
 * Once opened it hands everything it had queued, in order, back to the opener.
 */
final class Gate {
    /** The exit signal that opens a gate; trapped, so the gate lives on. */
    static final ExitReason OPEN = ExitReason.custom("open");

    private record Ready(Pid gate) {}

    private record Drained(Pid gate, List<Object> messages) {}

    private Gate() {}

    /**
     * Spawns a gate whose mailbox holds {@code limit}, linked to and monitoring each of {@code watched};
     * returns once the bound and the links are in place.
     */
    static Pid spawn(ProcessContext ctx, MailboxLimit limit, Pid... watched) {
        Pid opener = ctx.self();
        Pid gate = ctx.spawn(self -> {
            self.trapExit(true);
            self.limitMailbox(limit);
            for (Pid other : watched) {
                self.link(other);
                self.monitor(other);
            }
            self.send(opener, new Ready(self.self()));
            self.receive(message -> message instanceof ExitMessage exit && exit.from().equals(opener)
                    && exit.reason().equals(OPEN), Timeout.INFINITY);
            List<Object> queued = new ArrayList<>();
            Optional<Object> next;
            while ((next = self.receive(Timeout.ofMillis(0))).isPresent()) {
                queued.add(next.get());
            }
            self.send(opener, new Drained(self.self(), queued));
        });
        Inbox.next(ctx, Ready.class, ready -> ready.gate().equals(gate));
        return gate;
    }

    /** Opens {@code gate} (from the process that spawned it) and returns what it had queued, in order. */
    static List<Object> open(ProcessContext ctx, Pid gate) {
        ctx.exit(gate, OPEN);
        return Inbox.next(ctx, Drained.class, drained -> drained.gate().equals(gate)).messages();
    }
}
