package dev.cascade.runtime;

/** The process started by {@link Node#run(ProcessFunction)} ended without returning a value. */
public final class ProcessExitedException extends RuntimeException {
    private final transient ExitReason reason;

    public ProcessExitedException(Pid pid, ExitReason reason) {
        super("process " + pid + " exited with " + reason.describe(),
                reason instanceof ExitReason.Raised r ? r.error() : null);
        this.reason = reason;
    }

    public ExitReason reason() {
        return reason;
    }
}
