package dev.cascade.supervisor.internal;

import dev.cascade.genserver.StartResult;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.runtime.RuntimeListener;
import dev.cascade.runtime.internal.ProcessCell;
import dev.cascade.supervisor.ChildStart;
import dev.cascade.trace.ProcessId;
import dev.cascade.trace.TraceEvent;
import dev.cascade.runtime.internal.ExitReasons;

/**
 * Calls a child's start function in the supervisor's process and classifies the result
 * (otp-semantics 3.3): an exception or a null is a failure; every outcome is reported to the
 * node's listener.
 */
public final class ChildStarts {
    private ChildStarts() {}

    public static StartResult start(ProcessContext ctx, ChildEntry entry) {
        ProcessCell self = ProcessCell.of(ctx);
        return start(ctx, entry, self.place().path() == null ? null : self.place().path() + "/" + entry.id());
    }

    /** As {@link #start(ProcessContext, ChildEntry)}, the child holding {@code path} (null: none). */
    public static StartResult start(ProcessContext ctx, ChildEntry entry, String path) {
        ProcessCell self = ProcessCell.of(ctx);
        StartResult result = startAt(ctx, path, entry.spec.start());
        RuntimeListener listener = self.kernel().listener();
        switch (result) {
            case StartResult.Started started -> {
                entry.pid = started.pid();
                entry.restarting = false;
                listener.childStarted(ctx.self(), entry.id(), started.pid());
            }
            case StartResult.Ignored ignored -> {
                entry.stopped();
                listener.childIgnored(ctx.self(), entry.id());
            }
            case StartResult.Failed failed -> {
                entry.pid = null;
                listener.childStartFailed(ctx.self(), entry.id(), failed.reason());
            }
        }
        return result;
    }

    /**
     * Runs {@code start} in the calling process; with a {@code path}, the process it starts holds
     * that tree path: its start attempt is counted, and, once the start returned ok, its incarnation.
     */
    public static StartResult startAt(ProcessContext ctx, String path, ChildStart start) {
        ProcessCell self = ProcessCell.of(ctx);
        long because = self.cause(); // the decision to start it, not the acknowledgement taken on the way
        if (path != null) {
            self.place().startingChild(path);
        }
        StartResult result;
        String taken;
        try {
            result = start.start(ctx);
        } catch (Throwable thrown) {
            result = new StartResult.Failed(ExitReasons.of(thrown));
        } finally {
            taken = self.place().lastChildPath(); // a dynamic child's path may end in its registry key
            self.place().startingChild(null);
            self.causedBy(because);
        }
        if (result == null) {
            result = new StartResult.Failed(new ExitReason.BadReturn(null));
        }
        if (path != null) {
            tracked(self, taken != null ? taken : path, result);
        }
        return result;
    }

    private static void tracked(ProcessCell self, String path, StartResult result) {
        switch (result) {
            case StartResult.Started started -> {
                ProcessCell child = self.kernel().cell(started.pid());
                int number = self.kernel().tree().started(path, child);
                ProcessId.Incarnation id = new ProcessId.Incarnation(started.pid(), path, number);
                self.trace((eventId, at) -> new TraceEvent.Started(eventId, at, TraceEvent.causeOf(self.cause()), id));
            }
            case StartResult.Failed failed -> self.trace((eventId, at) -> new TraceEvent.StartFailed(eventId, at,
                    TraceEvent.causeOf(self.cause()), path, failed.reason()));
            case StartResult.Ignored ignored -> self.trace((eventId, at) -> new TraceEvent.StartIgnored(eventId, at,
                    TraceEvent.causeOf(self.cause()), path));
        }
    }
}
