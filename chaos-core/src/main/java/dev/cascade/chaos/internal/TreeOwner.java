package dev.cascade.chaos.internal;

import dev.cascade.genserver.StartResult;
import dev.cascade.runtime.Down;
import dev.cascade.runtime.ExitMessage;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.MonitorRef;
import dev.cascade.runtime.Node;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.runtime.Timeout;
import dev.cascade.runtime.internal.Kernel;
import dev.cascade.runtime.internal.ProcessCell;
import dev.cascade.supervisor.Supervisor;
import dev.cascade.supervisor.SupervisorSpec;
import dev.cascade.supervisor.internal.ChildStarts;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The process that owns a chaos tree: it starts the root at its path, as the root's parent outlives
 * the root's own end, and stops the root (shutdown, as a parent does) when the tree closes.
 */
public final class TreeOwner {
    /** How the owner process is asked to stop the tree. */
    private record StopTree() {}

    private record RootResult(StartResult result) {}

    /**
     * A started owner.
     *
     * @param owner  the owner process
     * @param result how the root's start ended
     * @param kernel the node's kernel
     */
    public record Started(Pid owner, StartResult result, Kernel kernel) {}

    private TreeOwner() {}

    /** Spawns the owner on {@code node} and returns once the root's start at {@code root} returned. */
    public static Started start(Node node, String root, SupervisorSpec spec) {
        return node.run(ctx -> {
            Pid runner = ctx.self();
            Pid owner = ctx.spawn(own -> {
                own.trapExit(true);
                StartResult result = ChildStarts.startAt(own, root, at -> Supervisor.startLink(at, spec));
                own.send(runner, new RootResult(result));
                if (result instanceof StartResult.Started started) {
                    awaitStop(own, started.pid());
                }
            });
            RootResult answer = (RootResult) ctx.receive(message -> message instanceof RootResult, Timeout.INFINITY).orElseThrow();
            Kernel kernel = ProcessCell.of(ctx).kernel();
            if (!(answer.result() instanceof StartResult.Started)) {
                awaitTreeGone(ctx, kernel);
            }
            return new Started(owner, answer.result(), kernel);
        });
    }

    /** Asks {@code owner} to stop the tree and returns once it ended (at once if it already had). */
    public static void stop(Node node, Pid owner) {
        node.run(ctx -> {
            MonitorRef watch = ctx.monitor(owner);
            ctx.send(owner, new StopTree());
            ctx.receive(message -> message instanceof Down down && down.ref().equals(watch), Timeout.INFINITY);
            return null;
        });
    }

    /**
     * Waits until every process of a tree that failed to start has ended: a supervisor killed in the
     * clean-up (brutal_kill) leaves descendants still ending when the root's start returns, and their
     * exits belong to the failed start (scenario-format.md, Outcome: the final state is all null).
     */
    private static void awaitTreeGone(ProcessContext ctx, Kernel kernel) {
        Set<Pid> awaited = new HashSet<>();
        boolean more = true;
        while (more) {
            more = false;
            for (ProcessCell cell : List.copyOf(kernel.cells())) {
                if (cell.place().path() != null && awaited.add(cell.self())) { // each once: a DOWN means it ended
                    MonitorRef ref = ctx.monitor(cell.self());
                    ctx.receive(message -> message instanceof Down down && down.ref().equals(ref), Timeout.INFINITY);
                    more = true;
                }
            }
        }
    }

    private static void awaitStop(ProcessContext own, Pid rootPid) {
        own.receive(message -> message instanceof StopTree, Timeout.INFINITY);
        if (own.isAlive(rootPid)) {
            own.exit(rootPid, ExitReason.SHUTDOWN); // from its parent: it stops its children first (T1)
            own.receive(message -> message instanceof ExitMessage exit && exit.from().equals(rootPid), Timeout.INFINITY);
        }
    }
}
