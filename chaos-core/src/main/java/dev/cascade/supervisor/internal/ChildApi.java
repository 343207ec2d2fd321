package dev.cascade.supervisor.internal;

import dev.cascade.genserver.StartResult;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.supervisor.AutoShutdown;
import dev.cascade.supervisor.ChildCounts;
import dev.cascade.supervisor.ChildOpResult;
import dev.cascade.supervisor.ChildType;
import dev.cascade.supervisor.StartChildResult;

import java.util.Optional;

/** The answers to the supervisor's API calls (otp-semantics 3.11, static strategies). */
final class ChildApi {
    private final ProcessContext ctx;
    private final ChildTable table;
    private final AutoShutdown autoShutdown;

    ChildApi(ProcessContext ctx, ChildTable table, AutoShutdown autoShutdown) {
        this.ctx = ctx;
        this.table = table;
        this.autoShutdown = autoShutdown;
    }

    Object answer(Object request) {
        return switch (request) {
            case Requests.WhichChildren w -> table.newestFirst().stream().map(ChildEntry::info).toList();
            case Requests.CountChildren c -> count();
            case Requests.TerminateChild t -> terminate(t.id());
            case Requests.RestartChild r -> restart(r.id());
            case Requests.DeleteChild d -> delete(d.id());
            case Requests.StartChild s -> startNew(new ChildEntry(s.spec()));
            case Requests.GetChildSpec g -> Optional.ofNullable(table.find(g.id())).map(e -> e.spec);
            default -> throw new IllegalArgumentException("unknown supervisor request: " + request);
        };
    }

    private ChildCounts count() {
        int active = 0;
        int supervisors = 0;
        for (ChildEntry entry : table.inStartOrder()) {
            if (entry.running() && ctx.isAlive(entry.pid)) {
                active++;
            }
            if (entry.spec.type() == ChildType.SUPERVISOR) {
                supervisors++;
            }
        }
        return new ChildCounts(table.size(), active, supervisors, table.size() - supervisors);
    }

    private ChildOpResult terminate(String id) {
        ChildEntry entry = table.find(id);
        if (entry == null) {
            return ChildOpResult.NOT_FOUND;
        }
        if (entry.running()) {
            ShutdownProtocol.stop(ctx, entry.pid, entry.spec.shutdown(), entry.spec.restart(), id);
        }
        entry.stopped();
        if (entry.temporary()) {
            table.remove(entry);
        }
        return ChildOpResult.OK;
    }

    private StartChildResult restart(String id) {
        ChildEntry entry = table.find(id);
        if (entry == null || entry.running() || entry.restarting) {
            return new StartChildResult.Refused(status(entry));
        }
        return asStartChildResult(ChildStarts.start(ctx, entry)); // no retry, not counted (I7)
    }

    private ChildOpResult delete(String id) {
        ChildEntry entry = table.find(id);
        ChildOpResult status = status(entry);
        if (status == ChildOpResult.OK) {
            table.remove(entry);
        }
        return status;
    }

    private StartChildResult startNew(ChildEntry entry) {
        if (entry.spec.significant() && autoShutdown == AutoShutdown.NEVER) { // 3.2: checked before anything else
            return new StartChildResult.Failed(ExitReason.custom("bad_combination: child \"" + entry.id()
                    + "\" is significant but this supervisor's auto-shutdown is never; make the child not significant"
                    + " or give the supervisor withAutoShutdown(ANY_SIGNIFICANT or ALL_SIGNIFICANT)"));
        }
        ChildEntry existing = table.find(entry.id());
        if (existing != null) {
            return existing.running()
                    ? new StartChildResult.AlreadyStarted(existing.pid)
                    : new StartChildResult.AlreadyPresent();
        }
        StartResult result = ChildStarts.start(ctx, entry);
        if (result instanceof StartResult.Started || !entry.temporary() && result instanceof StartResult.Ignored) {
            table.add(entry); // the newest child
        }
        return asStartChildResult(result);
    }

    private static ChildOpResult status(ChildEntry entry) {
        if (entry == null) {
            return ChildOpResult.NOT_FOUND;
        }
        if (entry.running()) {
            return ChildOpResult.RUNNING;
        }
        return entry.restarting ? ChildOpResult.RESTARTING : ChildOpResult.OK;
    }

    private static StartChildResult asStartChildResult(StartResult result) {
        return switch (result) {
            case StartResult.Started s -> new StartChildResult.Started(Optional.of(s.pid()));
            case StartResult.Ignored i -> new StartChildResult.Started(Optional.empty());
            case StartResult.Failed f -> new StartChildResult.Failed(f.reason());
        };
    }
}
