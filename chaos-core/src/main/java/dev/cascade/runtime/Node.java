package dev.cascade.runtime;

import dev.cascade.runtime.internal.Kernel;
import dev.cascade.runtime.internal.NodeBound;
import dev.cascade.runtime.internal.ProcessCell;

import dev.cascade.trace.Trace;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * A running instance of the runtime: Erlang's node. Processes live on a node, get their threads,
 * timers and clock from its {@link Scheduler}, and die with it when it is closed.
 *
 * <pre>{@code
 * try (Node node = Node.start()) {
 *     String answer = node.run(ctx -> {
 *         Pid server = GenServer.startLink(ctx, new Counter()).pid();
 *         return GenServer.call(ctx, server, "get").toString();
 *     });
 * }
 * }</pre>
 */
public final class Node implements AutoCloseable {
    /** How long {@link #run} waits, in real time, for its process before it gives up. */
    public static final Duration RUN_LIMIT = Duration.ofSeconds(60);

    private final Kernel kernel;

    private Node(Scheduler scheduler, RuntimeListener listener, Tracing tracing) {
        this.kernel = new Kernel(this, scheduler, listener, tracing);
    }

    /** A node on the {@linkplain Scheduler#real() real scheduler}. */
    public static Node start() {
        return start(Scheduler.real(), RuntimeListener.NONE);
    }

    /** A node on {@code scheduler}, reporting lifecycle events to {@code listener}. */
    public static Node start(Scheduler scheduler, RuntimeListener listener) {
        return start(scheduler, listener, Tracing.OFF);
    }

    /**
     * A node on {@code scheduler} that records a {@link Trace} when {@code tracing} is
     * {@link Tracing#ON}: every spawn, start, message, call, exit and restart decision, with causes.
     */
    public static Node start(Scheduler scheduler, RuntimeListener listener, Tracing tracing) {
        return new Node(Objects.requireNonNull(scheduler, "scheduler"), Objects.requireNonNull(listener, "listener"),
                Objects.requireNonNull(tracing, "tracing"));
    }

    /**
     * The trace so far: an immutable snapshot whose {@code queued} counts are the mailboxes as they
     * are now. Take it while the node is quiet (between simulation drives, or after the tree has
     * stopped on the real scheduler) for exact accounting.
     *
     * @throws IllegalStateException if the node was started without tracing
     */
    public Trace trace() {
        return kernel.trace();
    }

    /** The scheduler this node runs on. */
    public Scheduler scheduler() {
        return kernel.scheduler();
    }

    private void fromOutside(String action) {
        if (kernel.scheduler() instanceof NodeBound bound) {
            bound.fromOutside(action);
        }
    }

    /** Starts a process from outside any process. */
    public Pid spawn(ProcessBody body) {
        fromOutside("spawn");
        return kernel.spawn(body, null, null).self();
    }

    /**
     * Runs {@code body} in a new process and waits (up to {@link #RUN_LIMIT} of real time) for its
     * result: the way tests and tools drive the runtime from a plain thread. On a
     * {@linkplain dev.cascade.simulation.SimulatedScheduler simulated scheduler} this thread drives
     * the simulation until the result is there.
     *
     * @throws ProcessExitedException if the process ended without returning (killed, crashed, exited)
     */
    public <T> T run(ProcessFunction<T> body) {
        return run(body, RUN_LIMIT);
    }

    /**
     * As {@link #run(ProcessFunction)}, waiting up to {@code realTimeLimit} of real time on a real
     * scheduler (a run that is meant to take long, e.g. a scenario of several minutes).
     */
    public <T> T run(ProcessFunction<T> body, Duration realTimeLimit) {
        Objects.requireNonNull(realTimeLimit, "realTimeLimit");
        fromOutside("run");
        CompletableFuture<T> result = new CompletableFuture<>();
        ProcessCell cell = kernel.spawn(ctx -> {
            try {
                result.complete(body.apply(ctx));
            } catch (Throwable error) {
                result.completeExceptionally(error);
                throw error;
            }
        }, null, null);
        Pid pid = cell.self();
        cell.termination().thenAccept(reason -> {
            if (!result.isDone()) { // a returned process's end needs no exception (its message and stack trace cost a run's worth of allocation)
                result.completeExceptionally(new ProcessExitedException(pid, reason));
            }
        });
        try {
            return kernel.scheduler().await(result, realTimeLimit);
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof ProcessExitedException exited) {
                throw exited;
            }
            throw new ProcessExitedException(pid, cause instanceof ExitException exit ? exit.reason() : ExitReason.raised(cause));
        } catch (TimeoutException tooLong) {
            throw new IllegalStateException("process " + pid + " started by Node.run did not finish within "
                    + realTimeLimit.toMillis() + " ms of real time; is it waiting for a message that never comes?");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for process " + pid, interrupted);
        }
    }

    /** Sends an exit signal from outside the node's processes (a sender that is no process's parent). */
    public void exit(Pid target, ExitReason reason) {
        fromOutside("exit");
        ProcessCell cell = kernel.cell(target);
        if (cell != null) {
            cell.deliverExit(new Pid(0), reason, false, 0);
        }
    }

    /** Whether {@code pid} is alive. */
    public boolean isAlive(Pid pid) {
        ProcessCell cell = kernel.cell(pid);
        return cell != null && cell.alive();
    }

    /** The process registered under {@code name}, if any. */
    public Optional<Pid> whereis(String name) {
        return kernel.whereis(name);
    }

    /** How many processes are alive. */
    public int processCount() {
        return kernel.cells().size();
    }

    /**
     * The processes alive now, oldest first, each with its name, tree path, status and stack: Erlang's
     * {@code processes()} with {@code process_info/1}, for telling what a test left running.
     */
    public List<ProcessInfo> processes() {
        return kernel.cells().stream().filter(ProcessCell::alive).sorted(Comparator.comparingLong(cell -> cell.self().serial()))
                .map(ProcessInfo::of).toList();
    }

    /** Kills every process still alive (reason {@code killed}) and stops the scheduler's timers. */
    @Override
    public void close() {
        fromOutside("close");
        for (ProcessCell cell : kernel.cells()) {
            cell.terminate(ExitReason.KILLED);
        }
        kernel.scheduler().close();
    }
}
