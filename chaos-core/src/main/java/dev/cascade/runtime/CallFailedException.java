package dev.cascade.runtime;

/**
 * A call did not get its reply: the server timed out, did not exist, died while handling it, or
 * was the caller itself. Left uncaught in a process, the process exits with the
 * {@link ExitReason.CallFailed} reason, as an Erlang caller exits with
 * {@code {Reason, {gen_server, call, [...]}}}.
 */
public final class CallFailedException extends ExitException {

    public CallFailedException(ExitReason.CallFailed reason) {
        super(reason);
    }

    /** Why the call failed: {@code timeout}, {@code noproc}, {@code calling_self}, or the server's exit reason. */
    public ExitReason cause() {
        return ((ExitReason.CallFailed) reason()).cause();
    }
}
