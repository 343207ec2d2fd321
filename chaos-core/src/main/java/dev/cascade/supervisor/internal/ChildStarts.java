package dev.cascade.supervisor.internal;

import dev.cascade.genserver.StartResult;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.runtime.RuntimeListener;
import dev.cascade.runtime.internal.ProcessCell;
import dev.cascade.runtime.internal.ExitReasons;

/**
 * Calls a child's start function in the supervisor's process and classifies the result
 * (otp-semantics 3.3): an exception or a null is a failure; every outcome is reported to the
 * node's listener.
 */
public final class ChildStarts {
    private ChildStarts() {}

    public static StartResult start(ProcessContext ctx, ChildEntry entry) {
        StartResult result;
        try {
            result = entry.spec.start().start(ctx);
        } catch (Throwable thrown) {
            result = new StartResult.Failed(ExitReasons.of(thrown));
        }
        if (result == null) {
            result = new StartResult.Failed(new ExitReason.BadReturn(null));
        }
        RuntimeListener listener = ProcessCell.of(ctx).kernel().listener();
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
}
