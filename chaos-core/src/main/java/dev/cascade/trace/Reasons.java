package dev.cascade.trace;

import dev.cascade.runtime.ExitReason;

/** Exit reasons as a trace keeps them: by their outcome-file spelling, so a trace read back is equal. */
final class Reasons {
    private Reasons() {}

    /** {@code reason} as {@link ExitReason#ofWord} reads its spelling back: a crash becomes {@code error:…}. */
    static ExitReason spelled(ExitReason reason) {
        return switch (reason) {
            case ExitReason.Normal n -> reason;
            case ExitReason.Shutdown s -> reason;
            case ExitReason.Killed k -> reason;
            case ExitReason.Kill k -> reason;
            case ExitReason.NoProc n -> reason;
            default -> ExitReason.ofWord(reason.describe());
        };
    }
}
