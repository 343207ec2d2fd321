package dev.cascade.chaos.internal;

import dev.cascade.chaos.CallOutcome;
import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.internal.Calls;
import dev.cascade.runtime.CallFailedException;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.Node;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.runtime.ServerRef;
import dev.cascade.runtime.Timeout;
import dev.cascade.runtime.internal.Kernel;
import dev.cascade.runtime.internal.ProcessCell;

import java.time.Duration;
import java.util.Optional;

/**
 * Calls, casts and sends from a test to a tree's processes, each from a short-lived process of
 * the tree's node (on a simulated tree, the calling thread drives the simulation meanwhile). A path
 * is resolved when the message goes, so it reaches whichever incarnation holds it then.
 */
public final class TreeCalls {
    private final Node node;
    private final Kernel kernel;
    private final TreeTargets targets;

    public TreeCalls(Node node, Kernel kernel, TreeTargets targets) {
        this.node = node;
        this.kernel = kernel;
        this.targets = targets;
    }

    public CallOutcome call(String path, Object request, Timeout timeout) {
        targets.path("call to " + path, path);
        return node.run(ctx -> {
            Optional<Pid> holder = live(path);
            if (holder.isPresent()) {
                return outcome(ctx, holder.get(), path, request, timeout);
            }
            ProcessCell last = kernel.tree().last(path); // traced against the incarnation that died, as a call by name is
            if (last != null) {
                Calls.failedAtOnce(ProcessCell.of(ctx), last.traceId(), request, timeout, Calls.noproc(path, request));
            }
            return new CallOutcome.NoProc(path);
        }, limit(timeout));
    }

    public CallOutcome call(ServerRef server, Object request, Timeout timeout) {
        targets.name("call to " + server, server);
        return node.run(ctx -> outcome(ctx, server, server.toString(), request, timeout), limit(timeout));
    }

    public void cast(String path, Object message) {
        targets.path("cast to " + path, path);
        node.run(ctx -> {
            live(path).ifPresent(pid -> GenServer.cast(ctx, pid, message)); // no live process: dropped, as a cast to a dead pid is
            return null;
        });
    }

    public void cast(ServerRef server, Object message) {
        targets.name("cast to " + server, server);
        node.run(ctx -> {
            GenServer.cast(ctx, server, message);
            return null;
        });
    }

    public void send(String path, Object message) {
        targets.path("send to " + path, path);
        node.run(ctx -> {
            live(path).ifPresent(pid -> ctx.send(pid, message));
            return null;
        });
    }

    public void send(ServerRef server, Object message) {
        targets.name("send to " + server, server);
        node.run(ctx -> {
            Optional<Pid> holder = switch (server) {
                case Pid pid -> Optional.of(pid);
                case ServerRef.Name name -> ctx.whereis(name.name());
                case ServerRef.Via via -> dev.cascade.runtime.internal.ViaNames.of(kernel).whereis(via);
            };
            holder.ifPresent(pid -> ctx.send(pid, message)); // a name whose holder died meanwhile: dropped, not badarg
            return null;
        });
    }

    private Optional<Pid> live(String path) {
        ProcessCell cell = kernel.tree().live(path);
        return cell == null ? Optional.empty() : Optional.of(cell.self());
    }

    private static CallOutcome outcome(ProcessContext ctx, ServerRef server, String target, Object request, Timeout timeout) {
        try {
            return new CallOutcome.Replied(GenServer.call(ctx, server, request, timeout));
        } catch (CallFailedException failed) {
            ExitReason cause = failed.cause();
            if (cause instanceof ExitReason.NoProc) {
                return new CallOutcome.NoProc(target);
            }
            if (cause.equals(ExitReason.TIMEOUT)) {
                return new CallOutcome.TimedOut(timeout);
            }
            if (cause.equals(ExitReason.custom("mailbox_full"))) {
                return new CallOutcome.MailboxFull();
            }
            return new CallOutcome.ServerExited(cause);
        }
    }

    /** How long, in real time, a call may keep the test waiting: its timeout and the usual margin. */
    private static Duration limit(Timeout timeout) {
        return timeout instanceof Timeout.Finite finite ? finite.duration().plus(Node.RUN_LIMIT) : Node.RUN_LIMIT;
    }
}
