package dev.cascade.runtime.internal;

import dev.cascade.runtime.MonitorRef;
import dev.cascade.runtime.Node;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ProcessBody;
import dev.cascade.runtime.RuntimeListener;
import dev.cascade.runtime.Scheduler;

import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** The shared state of one node: its process table, names, scheduler and listener. */
public final class Kernel {
    private final Node node;
    private final Scheduler scheduler;
    private final RuntimeListener listener;
    private final boolean oneThreadOfControl;
    private final AtomicLong pids = new AtomicLong();
    private final AtomicLong refs = new AtomicLong();
    private final ConcurrentHashMap<Pid, ProcessCell> processes = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Pid> names = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Class<?>, Object> attachments = new ConcurrentHashMap<>();

    public Kernel(Node node, Scheduler scheduler, RuntimeListener listener) {
        this.node = node;
        this.scheduler = scheduler;
        this.listener = listener;
        this.oneThreadOfControl = scheduler.oneThreadOfControl();
        if (scheduler instanceof NodeBound bound) {
            bound.bind(this);
        }
    }

    public Node node() {
        return node;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    /** Whether the scheduler runs one process thread at a time, so the runtime needs no locks. */
    boolean oneThreadOfControl() {
        return oneThreadOfControl;
    }

    public RuntimeListener listener() {
        return listener;
    }

    MonitorRef newRef() {
        return new MonitorRef(refs.incrementAndGet());
    }

    public long newTag() {
        return refs.incrementAndGet();
    }

    /** The live process with this pid, or null. */
    public ProcessCell cell(Pid pid) {
        return processes.get(pid);
    }

    public Collection<ProcessCell> cells() {
        return processes.values();
    }

    /**
     * Creates a process; if {@code linkedTo} is not null the link exists, on both sides, before the
     * process runs. The process's thread starts only after its cell is in the table.
     *
     * @throws ProcessDeath if {@code linkedTo} died meanwhile (the child gets its link signal)
     */
    public ProcessCell spawn(ProcessBody body, Pid parent, ProcessCell linkedTo) {
        return spawn(body, parent, linkedTo, cell -> { });
    }

    /** As {@link #spawn(ProcessBody, Pid, ProcessCell)}, running {@code beforeStart} before the new process's thread starts. */
    ProcessCell spawn(ProcessBody body, Pid parent, ProcessCell linkedTo, java.util.function.Consumer<ProcessCell> beforeStart) {
        Pid pid = new Pid(pids.incrementAndGet());
        ProcessCell cell = new ProcessCell(this, pid);
        if (linkedTo != null) {
            cell.connections.addLinkUnchecked(linkedTo.pid());
        }
        processes.put(pid, cell);
        listener.processSpawned(pid, parent);
        // The spawner's side too, before the child runs: a child that dies at once must find the
        // link, or its exit signal would be dropped as one of a removed link (E8).
        boolean linked = linkedTo == null || linkedTo.connections.addLinkIfAlive(pid);
        beforeStart.accept(cell);
        scheduler.startThread("cascade" + pid, () -> cell.main(body));
        if (!linked) {
            linkedTo.diedWhileSpawning(cell);
        }
        return cell;
    }

    void removed(ProcessCell cell) {
        processes.remove(cell.pid(), cell);
    }

    boolean register(String name, ProcessCell cell) {
        return names.putIfAbsent(name, cell.pid()) == null;
    }

    void unregister(String name, Pid pid) {
        names.remove(name, pid);
    }

    public Optional<Pid> whereis(String name) {
        Pid pid = names.get(name);
        return pid != null && processes.containsKey(pid) ? Optional.of(pid) : Optional.empty();
    }

    /**
     * Node-wide state of a library built on the runtime, like the ETS tables of a node (e.g. the
     * registries behind {@link ViaNames}): the value attached under {@code type}, created by
     * {@code create} on first use.
     */
    public <T> T attach(Class<T> type, Supplier<? extends T> create) {
        return type.cast(attachments.computeIfAbsent(type, t -> create.get()));
    }

    /** The value attached under {@code type}, if any. */
    public <T> Optional<T> attachment(Class<T> type) {
        return Optional.ofNullable(type.cast(attachments.get(type)));
    }
}
