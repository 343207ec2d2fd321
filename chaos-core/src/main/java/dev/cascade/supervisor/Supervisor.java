package dev.cascade.supervisor;

import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.StartOptions;
import dev.cascade.genserver.StartResult;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.runtime.ServerRef;
import dev.cascade.runtime.Timeout;
import dev.cascade.supervisor.internal.Requests;
import dev.cascade.supervisor.internal.SupervisorServer;

import java.util.List;
import java.util.Optional;

/**
 * OTP's supervisor (otp-semantics section 3): starts its children in order, restarts them by its
 * strategy, gives up (exit {@code shutdown}) when more than {@code intensity} restarts fall within
 * {@code period}, and stops them in reverse order.
 *
 * <pre>{@code
 * Pid sup = Supervisor.startLink(ctx, SupervisorSpec.oneForOne()
 *         .withChild(ChildSpec.worker("db", Db::new))).pid();
 * List<ChildInfo> children = Supervisor.whichChildren(ctx, sup);   // newest first
 * }</pre>
 *
 * <p>Every API function is a call with an infinite timeout, as in OTP; a supervisor that does not
 * exist makes it throw {@link dev.cascade.runtime.CallFailedException} ({@code noproc}).
 */
public final class Supervisor {
    private Supervisor() {}

    /** Starts a supervisor linked to the caller; a child failing to start fails it with {@link FailedToStartChild}. */
    public static StartResult startLink(ProcessContext ctx, SupervisorSpec spec) {
        return GenServer.startLink(ctx, new SupervisorServer(spec));
    }

    /** Starts a supervisor linked to the caller, registered under a name. */
    public static StartResult startLink(ProcessContext ctx, SupervisorSpec spec, StartOptions options) {
        return GenServer.startLink(ctx, new SupervisorServer(spec), options);
    }

    /** The children, newest first. */
    @SuppressWarnings("unchecked")
    public static List<ChildInfo> whichChildren(ProcessContext ctx, ServerRef supervisor) {
        return (List<ChildInfo>) call(ctx, supervisor, new Requests.WhichChildren());
    }

    public static ChildCounts countChildren(ProcessContext ctx, ServerRef supervisor) {
        return (ChildCounts) call(ctx, supervisor, new Requests.CountChildren());
    }

    /** Stops a child by the shutdown protocol; a temporary child's spec is removed, others stay (not running). */
    public static ChildOpResult terminateChild(ProcessContext ctx, ServerRef supervisor, String id) {
        return (ChildOpResult) call(ctx, supervisor, new Requests.TerminateChild(id));
    }

    /** Starts a stopped child again; not counted toward intensity and not retried on failure. */
    public static StartChildResult restartChild(ProcessContext ctx, ServerRef supervisor, String id) {
        return (StartChildResult) call(ctx, supervisor, new Requests.RestartChild(id));
    }

    /** Removes a stopped child's spec. */
    public static ChildOpResult deleteChild(ProcessContext ctx, ServerRef supervisor, String id) {
        return (ChildOpResult) call(ctx, supervisor, new Requests.DeleteChild(id));
    }

    /** Adds and starts a child as the newest; it is gone when the supervisor is restarted (S5). */
    public static StartChildResult startChild(ProcessContext ctx, ServerRef supervisor, ChildSpec spec) {
        return (StartChildResult) call(ctx, supervisor, new Requests.StartChild(spec));
    }

    @SuppressWarnings("unchecked")
    public static Optional<ChildSpec> getChildSpec(ProcessContext ctx, ServerRef supervisor, String id) {
        return (Optional<ChildSpec>) call(ctx, supervisor, new Requests.GetChildSpec(id));
    }

    private static Object call(ProcessContext ctx, ServerRef supervisor, Object request) {
        return GenServer.call(ctx, supervisor, request, Timeout.INFINITY);
    }
}
