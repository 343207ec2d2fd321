package dev.cascade.conformance.supervisor;

import dev.cascade.genserver.GenServer;
import dev.cascade.runtime.Down;
import dev.cascade.runtime.ExitMessage;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.MonitorRef;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.runtime.ServerRef;
import dev.cascade.runtime.Timeout;
import dev.cascade.supervisor.ChildInfo;
import dev.cascade.supervisor.Supervisor;
import dev.cascade.supervisor.SupervisorSpec;

import java.time.Duration;
import java.util.List;

/**
 * What conformance tests do from their own process: start a supervisor, find its children, make a
 * child end and wait for it, wait for 'EXIT's and init gates. Every wait is a receive with a
 * generous limit; none sleeps.
 *
 * <p>Waiting for a child's DOWN is also a causal barrier: the runtime delivers a dying process's
 * link signals before its monitor signals, so once the DOWN is here, the child's 'EXIT' is already
 * in its supervisor's mailbox, and a supervisor call made now is answered after the supervisor has
 * handled that 'EXIT' (as OTP's supervisor_SUITE does with monitor + which_children).
 */
final class Probe {
    static final Timeout PATIENCE = Timeout.of(Duration.ofSeconds(10));

    private Probe() {}

    /** Starts {@code spec} linked to the caller; its exit is logged as {@code "exit sup <reason>"}. */
    static Pid startSupervisor(ProcessContext ctx, SupervisorSpec spec, EventLog log) {
        Pid sup = Supervisor.startLink(ctx, spec).pid();
        log.name(sup, "sup");
        return sup;
    }

    /** A synchronous call: once it returns, the supervisor has handled everything already in its mailbox. */
    static void barrier(ProcessContext ctx, ServerRef sup) {
        Supervisor.whichChildren(ctx, sup);
    }

    static ChildInfo child(ProcessContext ctx, ServerRef sup, String id) {
        return Supervisor.whichChildren(ctx, sup).stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no child " + id + " in " + Supervisor.whichChildren(ctx, sup)));
    }

    static Pid pidOf(ProcessContext ctx, ServerRef sup, String id) {
        return child(ctx, sup, id).pid().orElseThrow(() -> new AssertionError("child " + id + " is not running"));
    }

    /** Child ids, newest first. */
    static List<String> ids(ProcessContext ctx, ServerRef sup) {
        return Supervisor.whichChildren(ctx, sup).stream().map(ChildInfo::id).toList();
    }

    /** Makes the child crash with {@code error:boom} and waits until it is dead. */
    static ExitReason crash(ProcessContext ctx, Pid child) {
        return tell(ctx, child, TestChild.CRASH);
    }

    /** Makes the child stop with {@code reason} and waits until it is dead. */
    static ExitReason stop(ProcessContext ctx, Pid child, ExitReason reason) {
        return tell(ctx, child, new TestChild.Stop(reason));
    }

    /** Sends {@code pid} an exit signal and waits until it is dead. */
    static ExitReason signal(ProcessContext ctx, Pid pid, ExitReason reason) {
        MonitorRef ref = ctx.monitor(pid);
        ctx.exit(pid, reason);
        return awaitDown(ctx, ref);
    }

    private static ExitReason tell(ProcessContext ctx, Pid child, Object cast) {
        MonitorRef ref = ctx.monitor(child);
        GenServer.cast(ctx, child, cast);
        return awaitDown(ctx, ref);
    }

    static ExitReason awaitDown(ProcessContext ctx, MonitorRef ref) {
        Object down = ctx.receive(m -> m instanceof Down d && d.ref().equals(ref), PATIENCE)
                .orElseThrow(() -> new AssertionError("no DOWN for " + ref + " within " + PATIENCE));
        return ((Down) down).reason();
    }

    /** The reason of the 'EXIT' from {@code pid} (the caller must trap exits). */
    static ExitReason awaitExit(ProcessContext ctx, Pid pid) {
        Object exit = ctx.receive(m -> m instanceof ExitMessage e && e.from().equals(pid), PATIENCE)
                .orElseThrow(() -> new AssertionError("no 'EXIT' from " + pid + " within " + PATIENCE));
        return ((ExitMessage) exit).reason();
    }

    /** The next {@link TestChild.InitGate} (an init waiting for the caller's verdict). */
    static TestChild.InitGate awaitGate(ProcessContext ctx) {
        return (TestChild.InitGate) ctx.receive(m -> m instanceof TestChild.InitGate, PATIENCE)
                .orElseThrow(() -> new AssertionError("no init reached its gate within " + PATIENCE));
    }
}
