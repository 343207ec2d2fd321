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
 * Stops one child as OTP 25's {@code supervisor:shutdown/1} does (otp-semantics 3.8 D1): monitor,
 * unlink, always send {@code shutdown} (or {@code kill}) and wait for the DOWN, killing after the
 * timeout; only then take an 'EXIT' of the child already queued ({@code unlink_flush/2}), whose
 * reason wins over the DOWN's. A queued 'EXIT' is no proof the child is dead: a live child may have
 * queued one with {@code exit(Supervisor, R)}, so taking it first (as OTP 23's
 * {@code monitor_child/1} did) would wait forever for a DOWN that never comes.
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
        ExitReason reason = signal(ctx, pid, shutdown, down);
        Optional<Object> queued = ctx.receive(message -> message instanceof ExitMessage exit && exit.from().equals(pid),
                Timeout.ofMillis(0));
        if (queued.isPresent()) {
            reason = ((ExitMessage) queued.get()).reason(); // unlink_flush: a queued 'EXIT' supplies the reason
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
