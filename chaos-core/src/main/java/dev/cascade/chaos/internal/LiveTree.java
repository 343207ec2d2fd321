package dev.cascade.chaos.internal;

import dev.cascade.agent.UserCode;
import dev.cascade.genserver.StartResult;
import dev.cascade.runtime.Node;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.RuntimeListener;
import dev.cascade.runtime.Scheduler;
import dev.cascade.runtime.Tracing;
import dev.cascade.runtime.internal.Kernel;
import dev.cascade.simulation.SimulatedScheduler;
import dev.cascade.supervisor.SupervisorSpec;

import java.time.Duration;

/**
 * What a chaos tree runs on once its root's start returned: its node, the owner process (the root's
 * parent), the fault engine bound to its shape, the user code woven for it, and fault time zero.
 *
 * @param node      the tree's node
 * @param owner     the process that started the root and stops it when the tree closes
 * @param engine    the fault machinery bound to the tree
 * @param agent     the user code woven while the tree lives
 * @param zero      fault time zero on the scheduler's clock, in nanoseconds
 * @param rootStart how the root's start ended
 */
public record LiveTree(Node node, Pid owner, Engine engine, TreeAgent agent, long zero, StartResult rootStart) {
    /**
     * Weaves {@code code}, starts a node on {@code scheduler} (simulated, seed 0, when null) and the
     * root on it, and returns once the root's start returned. Whatever it opened is closed if it throws.
     */
    public static LiveTree start(String root, SupervisorSpec spec, Scheduler scheduler, RuntimeListener listener,
            Tracing tracing, UserCode code) {
        TreeAgent agent = new TreeAgent(code);
        Node node;
        try {
            node = Node.start(scheduler == null ? SimulatedScheduler.withSeed(0) : scheduler, listener, tracing);
        } catch (RuntimeException failed) {
            agent.close();
            throw failed;
        }
        try {
            TreeOwner.Started started = TreeOwner.start(node, root, spec);
            Kernel kernel = started.kernel();
            long zero = kernel.scheduler().nanoTime();
            Engine engine = new Engine(kernel, new TreeShape(root, spec), zero);
            return new LiveTree(node, started.owner(), engine, agent, zero, started.result());
        } catch (RuntimeException failed) {
            discard(node, agent);
            throw failed;
        }
    }

    /** Closes the node and puts woven classes back, for a tree that failed before it was handed out. */
    public void discard() {
        discard(node, agent);
    }

    private static void discard(Node node, TreeAgent agent) {
        try {
            node.close();
        } finally {
            agent.close();
        }
    }

    /** Whether the root started. */
    public boolean started() {
        return rootStart instanceof StartResult.Started;
    }

    /** Time since fault time zero, on the tree's scheduler clock. */
    public Duration sinceStart() {
        return Duration.ofNanos(node.scheduler().nanoTime() - zero);
    }

    /** Whether the tree records a trace. */
    public boolean traced() {
        return engine.kernel().tracer() != null;
    }
}
