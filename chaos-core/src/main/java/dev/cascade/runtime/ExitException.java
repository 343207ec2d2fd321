package dev.cascade.runtime;

import java.util.Objects;

/**
 * Erlang's {@code exit(Reason)}: thrown inside a process, it ends the process with {@link #reason()}
 * (class <em>exit</em>, not an error). Uncaught call failures are of this kind too.
 */
public class ExitException extends RuntimeException {
    private final transient ExitReason reason;

    public ExitException(ExitReason reason) {
        super(Objects.requireNonNull(reason, "reason").describe(), null, false, false);
        this.reason = reason;
    }

    /** The reason the process ends with if this exception is not caught. */
    public ExitReason reason() {
        return reason;
    }
}
