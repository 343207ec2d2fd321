package dev.cascade.genserver.internal;

import dev.cascade.runtime.ExitException;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.internal.ProcessDeath;

/** Turns what a callback threw into an exit reason (G10); never swallows a dying thread's unwinding. */
final class Reasons {
    private Reasons() {}

    static ExitReason of(Throwable thrown) {
        if (thrown instanceof ProcessDeath death) {
            throw death;
        }
        if (thrown instanceof ExitException exit) {
            return exit.reason();
        }
        return ExitReason.raised(thrown);
    }
}
