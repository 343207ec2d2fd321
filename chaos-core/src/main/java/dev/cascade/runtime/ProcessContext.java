package dev.cascade.runtime;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What a process can do: Erlang's BIFs for the calling process. A context belongs to one process
 * and may only be used from that process's own thread. Once the process is dead (killed from
 * outside while its thread was still busy), every operation throws an error that unwinds the
 * thread, so nothing it does afterwards reaches the runtime.
 *
 * <pre>{@code
 * Pid worker = ctx.spawnLink(child -> {
 *     Object msg = child.receive();
 *     ...
 * });
 * ctx.send(worker, "hello");
 * }</pre>
 */
public interface ProcessContext {

    /**
     * The context of the process running on the calling thread: how a {@code GenServer}'s
     * {@code handleCall}, {@code handleCast} and {@code handleInfo} reach their process without
     * keeping the context {@code init} got. Valid for as long as the process lives, on its own thread only.
     *
     * <pre>{@code
     * public CallResult<State> handleCall(Object request, From from, State state) {
     *     ProcessContext ctx = ProcessContext.current();
     *     Pid worker = ctx.spawnLink(child -> work(child, request));
     *     return CallResult.reply(worker, state);
     * }
     * }</pre>
     *
     * @throws IllegalStateException on a thread that is no process's (a test's own thread, a timer, a
     *         thread the handler started itself): pass the context to such code explicitly
     */
    static ProcessContext current() {
        ProcessContext current = dev.cascade.runtime.internal.ProcessCell.current();
        if (current == null) {
            throw new IllegalStateException("ProcessContext.current() was called on thread \"" + Thread.currentThread().getName()
                    + "\", which runs no process; it works inside a process (a GenServer callback, a body given to spawn or "
                    + "Node.run); elsewhere, pass the context explicitly");
        }
        return current;
    }

    /** This process. */
    Pid self();

    /** The node this process lives on. */
    Node node();

    /** Sends {@code message}; to a dead pid it is dropped. A name that is not registered throws {@link IllegalArgumentException} (Erlang's {@code badarg}). */
    void send(ServerRef to, Object message);

    /** Starts a process (not linked). */
    Pid spawn(ProcessBody body);

    /** Starts a process linked to this one, atomically. */
    Pid spawnLink(ProcessBody body);

    /**
     * Links this process to {@code other}. If {@code other} does not exist: a trapping process
     * gets {@code ExitMessage(other, noproc)}; a non-trapping one raises {@code error:noproc}
     * (otp-semantics P4).
     */
    void link(Pid other);

    /** Removes the link, if any; an exit signal of the old link still in flight is dropped (E8). */
    void unlink(Pid other);

    /** Monitors {@code target}: one {@link Down} when it ends, at once with {@code noproc} if it does not exist (P5). */
    MonitorRef monitor(Pid target);

    /** Removes a monitor; with {@code flush}, also removes its {@link Down} if already queued. */
    void demonitor(MonitorRef ref, boolean flush);

    /** Sets whether exit signals become {@link ExitMessage}s; returns the previous setting. */
    boolean trapExit(boolean trap);

    /** Whether this process traps exits. */
    boolean trapsExit();

    /** Sends an exit signal to {@code target} (Erlang's {@code exit/2}), following otp-semantics 1.1. */
    void exit(Pid target, ExitReason reason);

    /** Registers this process under a local name; false if the name is taken by a live process or this process already has a name. */
    boolean register(String name);

    /** The process registered under {@code name}, if any. */
    Optional<Pid> whereis(String name);

    /** Whether {@code pid} is alive. */
    boolean isAlive(Pid pid);

    /** Takes the first message in the mailbox, waiting as long as it takes. */
    default Object receive() {
        return receive(message -> true, Timeout.INFINITY).orElseThrow();
    }

    /** Takes the first message, or empty if none arrives within {@code timeout}. */
    default Optional<Object> receive(Timeout timeout) {
        return receive(message -> true, timeout);
    }

    /**
     * Selective receive: takes the first message in the mailbox that {@code match} accepts,
     * leaving the others in order; empty if none arrives within {@code timeout}. {@code match}
     * must be a quick test that never blocks: it runs while the mailbox is held.
     */
    Optional<Object> receive(Predicate<Object> match, Timeout timeout);

    /** Waits for {@code duration} of the scheduler's time without taking any message. */
    default void sleep(Duration duration) {
        receive(message -> false, Timeout.of(duration));
    }

    /** The scheduler's monotonic time in nanoseconds. */
    long nanoTime();

    /**
     * Bounds this process's mailbox from now on (unbounded by default); see {@link MailboxLimit}
     * for what counts and what each overflow policy does.
     */
    void limitMailbox(MailboxLimit limit);

    /** Ends this process with {@code reason} (Erlang's {@code exit/1}); never returns normally. */
    default ExitException exitSelf(ExitReason reason) {
        throw new ExitException(reason);
    }
}
