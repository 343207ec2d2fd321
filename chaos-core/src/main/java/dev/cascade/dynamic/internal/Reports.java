package dev.cascade.dynamic.internal;

import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.supervisor.ChildSpec;

/**
 * The SUPERVISOR REPORTs of OTP 3.12 ({@code child_terminated}, {@code start_error},
 * {@code shutdown}, {@code shutdown_error}). Logged at debug level like the static supervisor's,
 * so that expected crashes in tests and chaos runs do not flood the output.
 */
final class Reports {
    private static final System.Logger LOG = System.getLogger("dev.cascade.dynamic");

    private Reports() {}

    static void report(ProcessContext ctx, String errorContext, String reason, Pid child, ChildSpec spec) {
        LOG.log(System.Logger.Level.DEBUG, "dynamic supervisor {0}: {1}, reason {2}, offender {3} ({4}, {5}, shutdown {6})",
                ctx.self(), errorContext, reason, child, spec.id(), spec.restart(), spec.shutdown());
    }
}
