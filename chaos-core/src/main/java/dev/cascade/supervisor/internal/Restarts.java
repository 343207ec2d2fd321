package dev.cascade.supervisor.internal;

import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.Result;
import dev.cascade.genserver.StartResult;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.supervisor.AutoShutdown;
import dev.cascade.runtime.internal.ProcessCell;
import dev.cascade.supervisor.SupervisorSpec;
import dev.cascade.trace.TraceEvent;

import java.util.List;

/**
 * What a supervisor does when a child ends (otp-semantics 3.4-3.7, 3.10): restart by its strategy,
 * count the restart, retry failed starts through its own mailbox, give up, or shut itself down.
 */
final class Restarts {
    private final SupervisorSpec spec;
    private final ChildTable table;
    private final RestartWindow window;

    Restarts(SupervisorSpec spec, ChildTable table) {
        this.spec = spec;
        this.table = table;
        this.window = new RestartWindow(spec.intensity(), spec.period());
    }

    Result<ChildTable> childExited(ProcessContext ctx, ChildEntry entry, ExitReason reason) {
        entry.pid = null;
        return switch (entry.spec.restart()) {
            case PERMANENT -> restart(ctx, entry);
            case TRANSIENT -> {
                if (!reason.isNormalish()) {
                    yield restart(ctx, entry);
                }
                entry.stopped();
                yield autoShutdown(entry);
            }
            case TEMPORARY -> {
                table.remove(entry);
                yield autoShutdown(entry);
            }
        };
    }

    /** A restart decision: counted first (I2), then the strategy's group is stopped and started again. */
    Result<ChildTable> restart(ProcessContext ctx, ChildEntry failed) {
        ProcessCell self = ProcessCell.of(ctx);
        if (!window.add(ctx.nanoTime(), self.cause())) {
            table.remove(failed); // I8
            self.causedBy(self.trace((id, at) -> new TraceEvent.SupervisorGaveUp(id, at, TraceEvent.causeOf(self.cause()), self.traceId(),
                    childName(self, failed), spec.intensity(), spec.period(), window.count(), window.causes())));
            return Result.stop(ExitReason.SHUTDOWN, table);
        }
        List<ChildEntry> group = switch (spec.strategy()) {
            case ONE_FOR_ONE -> List.of(failed);
            case REST_FOR_ONE -> table.fromOnwards(failed);
            case ONE_FOR_ALL -> table.inStartOrder();
        };
        if (self.kernel().tracer() != null) {
            List<String> names = group.stream().map(member -> childName(self, member)).toList();
            self.causedBy(self.trace((id, at) -> new TraceEvent.RestartDecided(id, at, TraceEvent.causeOf(self.cause()), self.traceId(),
                    childName(self, failed), names)));
        }
        for (ChildEntry member : group.reversed()) {
            if (member != failed && member.running()) {
                ShutdownProtocol.stop(ctx, member.pid, member.spec.shutdown(), member.spec.restart(), member.id());
                member.pid = null; // S4: its 'EXIT' was consumed; no restart, not counted
            }
            member.restarting = false; // R5: afterwards only the member that fails to start waits for a retry
            if (member != failed && member.temporary()) {
                table.remove(member); // S2
            }
        }
        for (ChildEntry member : group) {
            if (!table.contains(member)) {
                continue;
            }
            StartResult result = ChildStarts.start(ctx, member);
            if (result instanceof StartResult.Ignored && member.temporary()) {
                table.remove(member);
            }
            if (result instanceof StartResult.Failed) {
                member.restarting = true; // R1, R5
                GenServer.cast(ctx, ctx.self(), new Requests.TryAgainRestart(member.id())); // R2
                break;
            }
        }
        return Result.noReply(table);
    }

    /** A child's path under a supervisor of a tree, else its id. */
    private static String childName(ProcessCell supervisor, ChildEntry child) {
        return supervisor.place().path() == null ? child.id() : supervisor.place().path() + "/" + child.id();
    }

    /** A cast of {@code try_again_restart}: dropped if the child is no longer waiting (R3). */
    Result<ChildTable> retry(ProcessContext ctx, String id) {
        ChildEntry entry = table.find(id);
        if (entry == null || !entry.restarting) {
            return Result.noReply(table);
        }
        return restart(ctx, entry);
    }

    /**
     * A1-A2: only a significant child that ended on its own and will not be restarted. A significant
     * child waiting for a retry still counts as present, as in OTP (only pid {@code undefined} is gone).
     */
    private Result<ChildTable> autoShutdown(ChildEntry ended) {
        if (!ended.spec.significant()) {
            return Result.noReply(table);
        }
        boolean stop = spec.autoShutdown() == AutoShutdown.ANY_SIGNIFICANT
                || spec.autoShutdown() == AutoShutdown.ALL_SIGNIFICANT
                && table.inStartOrder().stream().noneMatch(e -> e.spec.significant() && (e.running() || e.restarting));
        return stop ? Result.stop(ExitReason.SHUTDOWN, table) : Result.noReply(table);
    }
}
