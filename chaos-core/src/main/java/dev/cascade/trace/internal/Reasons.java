package dev.cascade.trace.internal;

import dev.cascade.runtime.ExitReason;

/**
 * Exit reasons as a trace keeps them: by their spelling, so a trace read back from a file is equal. Not API.
 * A failed call keeps its structure ({@code call:killed} in an outcome file) and the call's text; a
 * call failure inside it is kept as its outcome spelling.
 */
public final class Reasons {
    private Reasons() {}

    /** {@code reason} as {@link ExitReason#ofWord} reads its spelling back: a crash becomes {@code error:…}. */
    public static ExitReason spelled(ExitReason reason) {
        return switch (reason) {
            case ExitReason.Normal n -> reason;
            case ExitReason.Shutdown s -> reason;
            case ExitReason.Killed k -> reason;
            case ExitReason.Kill k -> reason;
            case ExitReason.NoProc n -> reason;
            case ExitReason.CallFailed failed -> new ExitReason.CallFailed(failed.cause() instanceof ExitReason.CallFailed inner
                    ? ExitReason.custom(outcome(inner)) : spelled(failed.cause()), failed.call());
            default -> ExitReason.ofWord(reason.describe());
        };
    }

    /** The outcome-file spelling: {@code call:} and the cause's for a failed call, else {@link ExitReason#describe()}. */
    public static String outcome(ExitReason reason) {
        return reason instanceof ExitReason.CallFailed failed ? "call:" + outcome(failed.cause()) : reason.describe();
    }
}
