package dev.cascade.dynamic.internal;

import dev.cascade.runtime.Down;
import dev.cascade.runtime.ExitMessage;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.MonitorRef;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.runtime.Timeout;
import dev.cascade.supervisor.Restart;
import dev.cascade.supervisor.Shutdown;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Stops children as Elixir's DynamicSupervisor does (otp-semantics 4.2): first every child is
 * monitored, unlinked and sent {@code shutdown} (or {@code kill} for brutal kill), or, if its
 * 'EXIT' is already queued, that reason is taken; then the DOWNs are awaited together. Children
 * that share a shutdown timeout share one kill timer, started once all were signalled; the timers
 * are the deadlines of this process's receive timeouts, so they run on the node's scheduler.
 */
final class ConcurrentShutdown {
    private ConcurrentShutdown() {}

    static void stop(ProcessContext ctx, Map<Pid, DynamicChild> children) {
        Map<MonitorRef, Pid> waiting = new HashMap<>();
        Map<Duration, List<Pid>> byTimeout = new HashMap<>();
        children.forEach((pid, child) -> {
            if (child.restarting()) {
                return; // nothing runs under its old pid
            }
            MonitorRef monitor = ctx.monitor(pid);
            ctx.unlink(pid);
            Optional<Object> early = ctx.receive(m -> m instanceof ExitMessage exit && exit.from().equals(pid),
                    Timeout.ofMillis(0));
            if (early.isPresent()) {
                ctx.receive(m -> m instanceof Down down && down.ref().equals(monitor), Timeout.INFINITY);
                ExitReason reason = ((ExitMessage) early.get()).reason();
                if (!(reason instanceof ExitReason.Normal && child.spec().restart() != Restart.PERMANENT)) {
                    Reports.report(ctx, "shutdown_error", reason.describe(), pid, child.spec());
                }
                return;
            }
            switch (child.spec().shutdown()) {
                case Shutdown.BrutalKill b -> ctx.exit(pid, ExitReason.KILL);
                case Shutdown.Infinity i -> ctx.exit(pid, ExitReason.SHUTDOWN);
                case Shutdown.Timeout t -> {
                    ctx.exit(pid, ExitReason.SHUTDOWN);
                    byTimeout.computeIfAbsent(t.duration(), d -> new ArrayList<>()).add(pid);
                }
            }
            waiting.put(monitor, pid);
        });
        TreeMap<Long, List<Pid>> killTimers = new TreeMap<>();
        long signalled = ctx.nanoTime();
        byTimeout.forEach((timeout, pids) -> killTimers.put(signalled + timeout.toNanos(), pids));
        while (!waiting.isEmpty()) {
            Optional<Object> message = ctx.receive(m -> m instanceof Down down && waiting.containsKey(down.ref()),
                    untilFirst(killTimers, ctx.nanoTime()));
            if (message.isPresent()) {
                Down down = (Down) message.get();
                Pid pid = waiting.remove(down.ref());
                check(ctx, pid, children.get(pid), down.reason());
            } else {
                for (Pid pid : killTimers.pollFirstEntry().getValue()) {
                    ctx.exit(pid, ExitReason.KILL); // harmless for those already gone
                }
            }
        }
    }

    private static Timeout untilFirst(TreeMap<Long, List<Pid>> killTimers, long now) {
        if (killTimers.isEmpty()) {
            return Timeout.INFINITY;
        }
        return Timeout.of(Duration.ofNanos(Math.max(0, killTimers.firstKey() - now)));
    }

    /** The reasons that need no shutdown_error report. */
    private static void check(ProcessContext ctx, Pid pid, DynamicChild child, ExitReason reason) {
        boolean expected = child.spec().shutdown() instanceof Shutdown.BrutalKill
                ? reason instanceof ExitReason.Killed
                : reason instanceof ExitReason.Shutdown || reason instanceof ExitReason.ShutdownWith
                        || reason instanceof ExitReason.Normal && child.spec().restart() != Restart.PERMANENT;
        if (!expected) {
            Reports.report(ctx, "shutdown_error", reason.describe(), pid, child.spec());
        }
    }
}
