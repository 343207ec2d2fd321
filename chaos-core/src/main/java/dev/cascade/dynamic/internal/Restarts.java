package dev.cascade.dynamic.internal;

import dev.cascade.dynamic.DynamicSupervisorSpec;
import dev.cascade.genserver.Result;
import dev.cascade.genserver.StartResult;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.runtime.internal.ProcessCell;
import dev.cascade.supervisor.Restart;
import dev.cascade.supervisor.internal.ChildEntry;
import dev.cascade.supervisor.internal.ChildStarts;
import dev.cascade.supervisor.internal.RestartWindow;
import dev.cascade.trace.TraceEvent;

import java.util.List;

/**
 * What a dynamic supervisor does when a child ends (otp-semantics 3.4, 4.2): restart it, count the
 * restart, retry a failed restart through its own mailbox, or give up.
 */
final class Restarts {
    private final DynamicSupervisorSpec spec;
    private final DynamicChildren children;
    private final RestartWindow window;

    Restarts(DynamicSupervisorSpec spec, DynamicChildren children, RestartWindow window) {
        this.spec = spec;
        this.children = children;
        this.window = window;
    }

    /** The exit table of 3.4; unlike a static supervisor, a child that is not restarted is removed. */
    Result<DynamicChildren> childExited(ProcessContext ctx, Pid pid, ExitReason reason) {
        DynamicChild child = children.get(pid);
        if (child == null || child.restarting()) {
            return Result.noReply(children); // S1: not a child
        }
        Restart restart = child.spec().restart();
        if (restart != Restart.PERMANENT && reason.isNormalish()) {
            children.remove(pid);
            return Result.noReply(children);
        }
        Reports.report(ctx, "child_terminated", reason.describe(), pid, child.spec());
        if (restart == Restart.TEMPORARY) {
            children.remove(pid);
            return Result.noReply(children);
        }
        return restart(ctx, pid, child);
    }

    /** Elixir's {@code $gen_restart}: dropped if terminateChild removed the child meanwhile. */
    Result<DynamicChildren> retry(ProcessContext ctx, Pid pid) {
        DynamicChild child = children.get(pid);
        if (child == null || !child.restarting()) {
            return Result.noReply(children);
        }
        return restart(ctx, pid, child);
    }

    /**
     * Counted before it is tried, every retry again (I2, R2); traced as a static supervisor's are:
     * a {@code RestartDecided} (the group is the child alone: one-for-one) or a {@code SupervisorGaveUp}.
     */
    private Result<DynamicChildren> restart(ProcessContext ctx, Pid current, DynamicChild child) {
        ProcessCell self = ProcessCell.of(ctx);
        if (!window.add(ctx.nanoTime(), self.cause())) {
            Reports.report(ctx, "shutdown", "reached_max_restart_intensity", current, child.spec());
            children.remove(current);
            if (self.kernel().tracer() != null) {
                self.causedBy(self.trace((id, at) -> new TraceEvent.SupervisorGaveUp(id, at, TraceEvent.causeOf(self.cause()), self.traceId(),
                        child.name(), spec.intensity(), spec.period(), window.count(), window.causes())));
            }
            return Result.stop(ExitReason.SHUTDOWN, children);
        }
        if (self.kernel().tracer() != null) {
            self.causedBy(self.trace((id, at) -> new TraceEvent.RestartDecided(id, at, TraceEvent.causeOf(self.cause()), self.traceId(),
                    child.name(), List.of(child.name()))));
        }
        StartResult result = ChildStarts.start(ctx, new ChildEntry(child.spec()), child.path());
        switch (result) {
            case StartResult.Started started -> {
                children.remove(current);
                children.put(started.pid(), new DynamicChild(child.spec(), child.path(), false));
            }
            case StartResult.Ignored ignored -> children.remove(current);
            case StartResult.Failed failed -> {
                Reports.report(ctx, "start_error", failed.reason().describe(), current, child.spec());
                children.put(current, child.waitingForRetry());
                ctx.send(ctx.self(), new Requests.RestartRetry(current)); // a plain message, at the mailbox tail
            }
        }
        return Result.noReply(children);
    }
}
