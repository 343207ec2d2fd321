package dev.cascade.supervisor.internal;

import dev.cascade.runtime.Down;
import dev.cascade.runtime.ExitMessage;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.MonitorRef;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.runtime.Timeout;
import dev.cascade.runtime.internal.ProcessCell;
import dev.cascade.supervisor.Restart;
import dev.cascade.supervisor.Shutdown;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * Stops one child as OTP's {@code supervisor:shutdown/1} does (otp-semantics 3.8): monitor, unlink,
 * take an 'EXIT' already queued (the child died first: its reason wins), otherwise send
 * {@code shutdown} (or {@code kill}) and wait for the DOWN, killing after the timeout.
 */
final class ShutdownProtocol {
    private static final System.Logger LOG = System.getLogger("dev.cascade.supervisor");

    private ShutdownProtocol() {}

    static ExitReason stop(ProcessContext ctx, Pid pid, Shutdown shutdown, Restart restart, String id) {
        ProcessCell self = ProcessCell.of(ctx);
        long because = self.cause(); // the decision behind the stop, not the child's 'EXIT' taken on the way
        try {
            return stopNow(ctx, pid, shutdown, restart, id);
        } finally {
            self.causedBy(because);
        }
    }

    private static ExitReason stopNow(ProcessContext ctx, Pid pid, Shutdown shutdown, Restart restart, String id) {
        MonitorRef monitor = ctx.monitor(pid);
        ctx.unlink(pid);
        Predicate<Object> down = message -> message instanceof Down d && d.ref().equals(monitor);
        Optional<Object> early = ctx.receive(message -> message instanceof ExitMessage exit && exit.from().equals(pid),
                Timeout.ofMillis(0));
        ExitReason reason;
        if (early.isPresent()) {
            ctx.receive(down, Timeout.INFINITY);
            reason = ((ExitMessage) early.get()).reason(); // D1: it died first; its own reason wins, and is judged below
        } else {
            reason = signal(ctx, pid, shutdown, down);
        }
        if (!expected(reason, shutdown, restart)) {
            LOG.log(System.Logger.Level.DEBUG, "shutdown_error: child {0} ({1}) ended with {2}", id, pid, reason.describe());
        }
        return reason;
    }

    private static ExitReason signal(ProcessContext ctx, Pid pid, Shutdown shutdown, Predicate<Object> down) {
        return switch (shutdown) {
            case Shutdown.BrutalKill b -> {
                ctx.exit(pid, ExitReason.KILL);
                yield downReason(ctx.receive(down, Timeout.INFINITY));
            }
            case Shutdown.Infinity i -> {
                ctx.exit(pid, ExitReason.SHUTDOWN);
                yield downReason(ctx.receive(down, Timeout.INFINITY));
            }
            case Shutdown.Timeout t -> {
                ctx.exit(pid, ExitReason.SHUTDOWN);
                Optional<Object> gone = ctx.receive(down, Timeout.of(t.duration()));
                if (gone.isPresent()) {
                    yield downReason(gone);
                }
                ctx.exit(pid, ExitReason.KILL);
                yield downReason(ctx.receive(down, Timeout.INFINITY));
            }
        };
    }

    private static ExitReason downReason(Optional<Object> down) {
        return ((Down) down.orElseThrow()).reason();
    }

    /** D2: the reasons accepted without a shutdown_error report. */
    private static boolean expected(ExitReason reason, Shutdown shutdown, Restart restart) {
        boolean clean = shutdown instanceof Shutdown.BrutalKill
                ? reason instanceof ExitReason.Killed
                : reason instanceof ExitReason.Shutdown;
        boolean toleratedForNonPermanent = restart != Restart.PERMANENT
                && (reason instanceof ExitReason.Normal || reason instanceof ExitReason.ShutdownWith
                || reason instanceof ExitReason.Shutdown);
        return clean || toleratedForNonPermanent;
    }
}
