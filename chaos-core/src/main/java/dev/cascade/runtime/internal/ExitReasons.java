package dev.cascade.runtime.internal;

import dev.cascade.runtime.ExitException;
import dev.cascade.runtime.ExitReason;

/** The one rule for what a throwable means as an exit reason, shared by processes and behaviours. */
public final class ExitReasons {
    private ExitReasons() {}

    /**
     * The reason a process ends with when its code throws {@code thrown} (G10): an
     * {@link ExitException} gives its own reason, anything else is {@link ExitReason.Raised}.
     * A {@link ProcessDeath} is rethrown: a dead process's thread must keep unwinding.
     */
    public static ExitReason of(Throwable thrown) {
        if (thrown instanceof ProcessDeath death) {
            throw death;
        }
        if (thrown instanceof ExitException exit) {
            return exit.reason();
        }
        return ExitReason.raised(thrown);
    }
}
