package dev.cascade.dynamic;

import dev.cascade.dynamic.internal.DynamicSupervisorServer;
import dev.cascade.dynamic.internal.Requests;
import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.StartOptions;
import dev.cascade.genserver.StartResult;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.runtime.ServerRef;
import dev.cascade.runtime.Timeout;
import dev.cascade.supervisor.ChildCounts;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.Shutdown;

import java.util.List;

/**
 * Elixir's DynamicSupervisor (otp-semantics 4.2): starts with no children, adds them one at a time
 * with {@link #startChild}, restarts them one-for-one by the exit table of 3.4, gives up (exit
 * {@code shutdown}) when more than {@code intensity} restarts fall within {@code period}, and on
 * its own termination stops all children <em>concurrently</em>.
 *
 * <pre>{@code
 * Pid sup = DynamicSupervisor.startLink(ctx, DynamicSupervisorSpec.DEFAULT).pid();
 * if (DynamicSupervisor.startChild(ctx, sup, ChildSpec.worker("session", Session::new))
 *         instanceof DynamicStartResult.Started started) {
 *     GenServer.call(ctx, started.pid(), "ping");
 *     DynamicSupervisor.terminateChild(ctx, sup, started.pid());
 * }
 * GenServer.stop(ctx, sup, ExitReason.NORMAL, Timeout.INFINITY);   // Elixir's DynamicSupervisor.stop/3
 * }</pre>
 *
 * <p>Semantics, as in Elixir: a child's {@link ChildSpec#id() id} is required but ignored and need
 * not be unique; {@link ChildSpec#significant() significant} is ignored (there is no
 * auto-shutdown); a failed restart leaves the child restarting under its old pid and is retried
 * from the tail of the supervisor's mailbox, each retry counting toward intensity; a restart
 * returning ignore removes the child. Every function but {@link #startLink} is a call with an
 * infinite timeout; a supervisor that does not exist makes it throw
 * {@link dev.cascade.runtime.CallFailedException} ({@code noproc}).
 */
public final class DynamicSupervisor {
    private DynamicSupervisor() {}

    /** Starts a dynamic supervisor linked to the caller. */
    public static StartResult startLink(ProcessContext ctx, DynamicSupervisorSpec spec) {
        return GenServer.startLink(ctx, new DynamicSupervisorServer(spec));
    }

    /** Starts a dynamic supervisor linked to the caller, registered under a local or via name. */
    public static StartResult startLink(ProcessContext ctx, DynamicSupervisorSpec spec, StartOptions options) {
        return GenServer.startLink(ctx, new DynamicSupervisorServer(spec), options);
    }

    /**
     * Starts {@code child} under the supervisor. The spec is checked first, in the caller, as Elixir
     * does: a shutdown timeout of zero is refused with {@link DynamicStartResult.InvalidShutdown}
     * and nothing is sent to the supervisor.
     */
    public static DynamicStartResult startChild(ProcessContext ctx, ServerRef supervisor, ChildSpec child) {
        if (child.shutdown() instanceof Shutdown.Timeout timeout && timeout.duration().isZero()) {
            return new DynamicStartResult.Failed(ExitReason.custom(new DynamicStartResult.InvalidShutdown(child.shutdown())));
        }
        return (DynamicStartResult) call(ctx, supervisor, new Requests.StartChild(child));
    }

    /** Stops the child {@code pid} by the shutdown protocol and removes it; a restarting child is just removed. */
    public static TerminateChildResult terminateChild(ProcessContext ctx, ServerRef supervisor, Pid pid) {
        return (TerminateChildResult) call(ctx, supervisor, new Requests.TerminateChild(pid));
    }

    /** The children, restarting ones without a pid; in no particular order (here: start order). */
    @SuppressWarnings("unchecked")
    public static List<DynamicChildInfo> whichChildren(ProcessContext ctx, ServerRef supervisor) {
        return (List<DynamicChildInfo>) call(ctx, supervisor, new Requests.WhichChildren());
    }

    /** {@code specs}: all children; {@code active}: those not restarting; workers and supervisors: by type, restarting included. */
    public static ChildCounts countChildren(ProcessContext ctx, ServerRef supervisor) {
        return (ChildCounts) call(ctx, supervisor, new Requests.CountChildren());
    }

    private static Object call(ProcessContext ctx, ServerRef supervisor, Object request) {
        return GenServer.call(ctx, supervisor, request, Timeout.INFINITY);
    }
}
