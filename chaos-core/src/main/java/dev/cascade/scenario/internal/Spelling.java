package dev.cascade.scenario.internal;

import dev.cascade.runtime.ExitReason;

/**
 * The outcome-file spelling of exit reasons: {@link ExitReason#describe()}, except that a process
 * ended by a failed call ({@code {Cause, {gen_server, call, ...}}} in OTP) is {@code call:<cause>},
 * e.g. {@code call:timeout}, {@code call:noproc}, {@code call:error:boom}: the call's own
 * description names pids, which differ from run to run.
 */
final class Spelling {
    private Spelling() {}

    static String of(ExitReason reason) {
        return reason instanceof ExitReason.CallFailed failed ? "call:" + of(failed.cause()) : reason.describe();
    }
}
