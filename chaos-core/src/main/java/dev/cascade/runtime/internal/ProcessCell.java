package dev.cascade.runtime.internal;

import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.MailboxLimit;
import dev.cascade.runtime.MonitorRef;
import dev.cascade.runtime.Node;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ProcessBody;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.runtime.ServerRef;
import dev.cascade.runtime.Timeout;
import dev.cascade.trace.ProcessId;
import dev.cascade.trace.internal.Tracer;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * One process: its mailbox and its life. Its links and monitors, and the exit signals and DOWNs
 * they carry, are its {@link Connections}; where it sits in a supervision tree is its
 * {@link TreePlace}; how its messages and exit signals reach their receivers is {@link Deliveries}.
 * Signals are delivered by the thread that sends them; a process that must die dies at once, on
 * that thread, whatever its own thread is doing (otp-semantics P3).
 *
 * <p>Locking: {@link Liveness} (per process, read-held by a sender while it delivers) is always
 * taken before a {@link Mailbox} lock, never two of either at once. So a message a process sent
 * before it died is queued before its exit signal (P7), and no lock cycle can form.
 */
public final class ProcessCell implements ProcessContext {
    private final Kernel kernel;
    private final Pid pid;
    final Liveness liveness;
    final Mailbox mailbox;
    final Connections connections = new Connections(this);
    private final RegisteredName registered = new RegisteredName();
    private volatile ExitReason exitReason;
    private volatile Thread thread;
    private volatile WaitingOn waiting;
    volatile Class<?> function; // the body's class, set before the process runs: ProcessInfo's entry class
    final TreePlace place = new TreePlace();
    final CellTrace tracing = new CellTrace(this);
    ProcessCell lastTarget; // see Deliveries.cellOf; only the process's own thread sends as it
    private final CompletableFuture<ExitReason> termination = new CompletableFuture<>();

    ProcessCell(Kernel kernel, Pid pid) {
        this.kernel = kernel;
        this.pid = pid;
        this.liveness = new Liveness(kernel.oneThreadOfControl());
        this.mailbox = new Mailbox(this, kernel.oneThreadOfControl());
    }

    /** The cell behind a context, for the runtime's own behaviours (GenServer, Supervisor). */
    public static ProcessCell of(ProcessContext ctx) {
        return (ProcessCell) ctx;
    }

    public Kernel kernel() {
        return kernel;
    }

    @Override
    public Pid self() {
        return pid;
    }

    Pid pid() {
        return pid;
    }

    @Override
    public Node node() {
        return kernel.node();
    }

    public boolean alive() {
        return liveness.alive();
    }

    /** Completes with the exit reason once this process is dead to the world. */
    public CompletableFuture<ExitReason> termination() {
        return termination;
    }

    /** The class of the function this process runs (for a lambda, a class the JVM made beside the one it was written in). */
    public Class<?> function() {
        return function;
    }

    /** The name this process registered, if it holds one. */
    public Optional<String> registeredName() {
        return registered.held();
    }

    /** The reason this process ended with, or null while it is alive. */
    public ExitReason exitReason() {
        return exitReason;
    }

    /**
     * The process running on the calling thread, or null on a thread that is no process (a test's
     * own thread, a timer). Code the runtime does not own (the agent's hooks) finds its process here.
     */
    public static ProcessCell current() {
        return CURRENT.get();
    }

    private static final ThreadLocal<ProcessCell> CURRENT = new ThreadLocal<>();

    void main(ProcessBody body) {
        thread = Thread.currentThread();
        CURRENT.set(this);
        ExitReason reason;
        try {
            body.run(this);
            reason = ExitReason.NORMAL;
        } catch (ProcessDeath death) {
            return;
        } catch (Throwable thrown) {
            reason = ExitReasons.of(thrown);
        }
        terminate(reason, tracing.cause());
    }

    /**
     * A {@link #receive} during which this process is recorded as waiting for {@code target} (a call
     * or a start), so a simulation can find wait-for cycles.
     */
    public Optional<Object> receiveWaitingOn(Pid target, String kind, Object request, Predicate<Object> match, Timeout timeout) {
        waiting = new WaitingOn(pid, target, kind, request, thread);
        try {
            return receive(match, timeout);
        } finally {
            waiting = null;
        }
    }

    /** What this process waits for, if it is blocked in a call or a start; null otherwise. */
    public WaitingOn waiting() {
        return waiting;
    }

    /** The thread this process runs on (null before it first ran). */
    public Thread thread() {
        return thread;
    }

    /** Throws {@link ProcessDeath} if this process has died (called on its own thread). */
    public void checkAlive() {
        if (!liveness.alive()) {
            throw ProcessDeath.INSTANCE;
        }
    }

    // ---- the tree and the trace --------------------------------------------------------

    /** Where this process sits in a supervision tree. */
    public TreePlace place() {
        return place;
    }

    /** The trace's name for this process, one per incarnation (see {@link TreePlace#traceId}). */
    public ProcessId traceId() {
        return place.traceId(pid);
    }

    /** The id of the trace event behind what this process does now (0: none). */
    public long cause() {
        return tracing.cause();
    }

    /** What this process does from now on is caused by trace event {@code eventId}. */
    public void causedBy(long eventId) {
        tracing.causedBy(eventId);
    }

    /** Records a trace event if the node traces; returns its id, or 0. */
    public long trace(Tracer.Maker maker) {
        Tracer tracer = kernel.tracer();
        return tracer == null ? 0 : tracer.record(maker);
    }

    /** A copy of a queued entry for {@code to}, traced as a second {@code Sent} of the same message (see {@link CellTrace#duplicate}). */
    public Object duplicate(Pid to, Object entry) {
        return tracing.duplicate(to, entry);
    }

    // ---- sending -------------------------------------------------------------------------

    @Override
    public void send(ServerRef to, Object message) {
        Pid pid;
        try {
            pid = Deliveries.resolve(kernel, to);
        } catch (IllegalArgumentException badarg) {
            Deliveries.unresolved(this, to, message); // traced as sent and dropped, then badarg as in Erlang
            throw badarg;
        }
        Deliveries.send(this, pid, message);
    }

    @Override
    public void limitMailbox(MailboxLimit limit) {
        checkAlive();
        mailbox.limit(Objects.requireNonNull(limit, "limit"));
    }

    public void activateAlias(long alias) {
        mailbox.activateAlias(alias);
    }

    public void deactivateAlias(long alias) {
        mailbox.deactivateAlias(alias);
    }

    // ---- spawning, links, monitors ---------------------------------------------------------

    @Override
    public Pid spawn(ProcessBody body) {
        checkAlive();
        return kernel.spawn(body, pid, null).pid();
    }

    @Override
    public Pid spawnLink(ProcessBody body) {
        checkAlive();
        return kernel.spawn(body, pid, this).pid();
    }

    @Override
    public void link(Pid other) {
        checkAlive();
        if (!other.equals(pid)) {
            connections.link(other);
        }
    }

    @Override
    public void unlink(Pid other) {
        checkAlive();
        connections.unlink(other);
    }

    @Override
    public MonitorRef monitor(Pid target) {
        checkAlive();
        return connections.monitor(target);
    }

    @Override
    public void demonitor(MonitorRef ref, boolean flush) {
        checkAlive();
        connections.demonitor(ref, flush);
    }

    @Override
    public boolean trapExit(boolean trap) {
        checkAlive();
        return connections.trapExit(trap);
    }

    @Override
    public boolean trapsExit() {
        return connections.trapsExit();
    }

    // ---- exit signals and death -----------------------------------------------------------

    @Override
    public void exit(Pid target, ExitReason reason) {
        checkAlive();
        Deliveries.sendExit(this, target, reason);
        checkAlive();
    }

    /**
     * Delivers an exit signal and carries out its effect (used for link signals and from outside);
     * {@code because} is the trace event behind it (the sender's exit, or 0).
     */
    public void deliverExit(Pid from, ExitReason reason, boolean viaLink, long because) {
        ExitReason death = connections.receiveExitSignal(from, reason, viaLink, because);
        if (death != null) {
            terminate(death, because);
        } else {
            mailbox.wakeOwner();
        }
    }

    /**
     * Ends this process with {@code reason}, if it is still alive: from now on it is dead to the
     * world. Its name is released before its links and monitors are told (P6).
     */
    public void terminate(ExitReason reason) {
        terminate(reason, 0);
    }

    /** As {@link #terminate(ExitReason)}, caused by trace event {@code because}. */
    public void terminate(ExitReason reason, long because) {
        if (!liveness.kill()) {
            return;
        }
        exitReason = reason;
        Mailbox.Remains remains = mailbox.close(connections::detachLocked);
        registered.giveBack(kernel, pid); // registeredName() still answers after death, as it always did
        kernel.removed(this);
        String path = place.path();
        if (path != null) {
            kernel.tree().ended(path, this);
        }
        List<Object> unhandled = remains.unhandled();
        long exited = 0;
        Tracer tracer = kernel.tracer();
        if (tracer != null) {
            exited = tracing.death(tracer, reason, because, unhandled);
            unhandled = unhandled.stream().map(Envelope::payload).toList();
        }
        kernel.listener().processExited(pid, reason, unhandled);
        connections.tellOfDeath(remains, reason, exited);
        termination.complete(reason);
        Thread own = thread;
        if (own != null && own != Thread.currentThread()) {
            own.interrupt(); // unwinds user code blocked outside the runtime
        }
    }

    // ---- names, receive, time ---------------------------------------------------------------

    @Override
    public boolean register(String name) {
        checkAlive();
        return registered.register(name, this);
    }

    /** Releases this process's registered name, if it has one. */
    public void unregister() {
        registered.release(kernel, pid);
    }

    @Override
    public Optional<Pid> whereis(String name) {
        return kernel.whereis(name);
    }

    @Override
    public boolean isAlive(Pid other) {
        ProcessCell cell = kernel.cell(other);
        return cell != null && cell.alive();
    }

    @Override
    public Optional<Object> receive(Predicate<Object> match, Timeout timeout) {
        checkAlive();
        Object entry = mailbox.take(match, timeout);
        if (entry == null) {
            return Optional.empty();
        }
        return Optional.of(entry instanceof Envelope envelope ? tracing.took(envelope) : entry);
    }

    /**
     * A GenServer's receive of the next message to handle: on a traced node the message counts as
     * being handled until {@link #handledDone()} (or the process's death), so its handling time is traced.
     */
    public Optional<Object> receiveToHandle(Timeout timeout) {
        tracing.handleNext(true);
        try {
            return receive(message -> true, timeout);
        } finally {
            tracing.handleNext(false);
        }
    }

    /** The GenServer finished handling the message it took with {@link #receiveToHandle}. */
    public void handledDone() {
        if (kernel.tracer() != null) {
            tracing.handledDone(); // untraced: nothing was put in hand, and no atomic step is spent per message
        }
    }

    /**
     * How many traced messages this process has not finished with: those in its mailbox, and the
     * one its GenServer is handling right now (taken, its callback not yet returned).
     */
    public int queued() {
        return mailbox.size() + tracing.inHand();
    }

    @Override
    public long nanoTime() {
        return kernel.scheduler().nanoTime();
    }

    @Override
    public String toString() {
        return "process " + pid;
    }
}
