package dev.cascade.runtime.internal;

import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.MonitorRef;
import dev.cascade.runtime.Node;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ProcessBody;
import dev.cascade.runtime.RuntimeListener;
import dev.cascade.runtime.Scheduler;
import dev.cascade.runtime.Tracing;
import dev.cascade.trace.internal.Tracer;

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
    /** The process each name was registered by last, kept after it dies, to name the callee of a call that finds no one. */
    private final ConcurrentHashMap<String, ProcessCell> lastHolders = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Class<?>, Object> attachments = new ConcurrentHashMap<>();
    private final TreeIndex tree = new TreeIndex();
    private final Tracer tracer;
    private volatile Interventions interventions;

    public Kernel(Node node, Scheduler scheduler, RuntimeListener listener, Tracing tracing) {
        this.node = node;
        this.scheduler = scheduler;
        this.listener = listener;
        this.oneThreadOfControl = scheduler.oneThreadOfControl();
        this.tracer = tracing.records() ? new Tracer(scheduler, oneThreadOfControl, tracing) : null;
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

    /** The trace recorder, or null when tracing is off. */
    public Tracer tracer() {
        return tracer;
    }

    /** The node's supervision trees by path. */
    public TreeIndex tree() {
        return tree;
    }

    /** The bound fault plan's hooks, or null. */
    public Interventions interventions() {
        return interventions;
    }

    /** Binds a fault plan's hooks (null unbinds). */
    public void interventions(Interventions hooks) {
        this.interventions = hooks;
    }

    /** The trace so far, with every live mailbox's queue measured now. */
    public dev.cascade.trace.Trace trace() {
        if (tracer == null) {
            throw new IllegalStateException("this node does not trace; start it with Tracing.ON");
        }
        java.util.Map<Pid, Integer> queued = new java.util.HashMap<>();
        for (ProcessCell cell : processes.values()) {
            queued.put(cell.self(), cell.queued());
        }
        return tracer.snapshot(queued);
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
        cell.function = body.getClass();
        if (linkedTo != null) {
            cell.connections.addLinkUnchecked(linkedTo.pid());
            String path = linkedTo.place.takePendingChildPath();
            if (path != null) {
                cell.place.takePath(path, tree.attempt(path));
            }
        }
        processes.put(pid, cell);
        listener.processSpawned(pid, parent);
        if (tracer != null) {
            ProcessCell spawner = parent == null ? null : processes.get(parent);
            long because = spawner == null ? 0 : spawner.cause();
            cell.causedBy(because);
            dev.cascade.trace.ProcessId id = cell.traceId();
            tracer.record((eventId, at) -> new dev.cascade.trace.TraceEvent.Spawned(eventId, at,
                    dev.cascade.trace.TraceEvent.causeOf(because), id, java.util.Optional.ofNullable(parent)));
        }
        // The spawner's side too, before the child runs: a child that dies at once must find the
        // link, or its exit signal would be dropped as one of a removed link (E8).
        boolean linked = linkedTo == null || linkedTo.connections.addLinkIfAlive(pid);
        beforeStart.accept(cell);
        scheduler.startThread("cascade" + pid, () -> cell.main(body));
        if (!linked) {
            diedWhileSpawning(linkedTo, cell);
        }
        return cell;
    }

    /** A process spawned with a monitor on it from its first instant. */
    public record Spawned(Pid pid, MonitorRef monitor) {}

    /**
     * Erlang's {@code spawn_monitor} by {@code spawner} (linked too if {@code link}): the monitor exists
     * before the new process runs, so even an immediate death gives a DOWN with its real reason, never {@code noproc}.
     */
    public Spawned spawnMonitored(ProcessCell spawner, ProcessBody body, boolean link) {
        spawner.checkAlive();
        MonitorRef ref = newRef();
        ProcessCell child = spawn(body, spawner.pid(), link ? spawner : null,
                cell -> spawner.connections.monitorFromStart(ref, cell));
        return new Spawned(child.pid(), ref);
    }

    /** {@code spawner} died while spawning a linked child: the child gets the link signal it would have got. */
    private static void diedWhileSpawning(ProcessCell spawner, ProcessCell child) {
        ExitReason reason = spawner.exitReason();
        child.deliverExit(spawner.pid(), reason == null ? ExitReason.KILLED : reason, true, spawner.cause());
        throw ProcessDeath.INSTANCE;
    }

    void removed(ProcessCell cell) {
        processes.remove(cell.pid(), cell);
    }

    boolean register(String name, ProcessCell cell) {
        if (names.putIfAbsent(name, cell.pid()) != null) {
            return false;
        }
        lastHolders.put(name, cell);
        return true;
    }

    /** The process that registered {@code name} last, dead or alive, if any ever did. */
    public Optional<ProcessCell> lastHolder(String name) {
        return Optional.ofNullable(lastHolders.get(name));
    }

    void unregister(String name, Pid pid) {
        names.remove(name, pid);
    }

    /** The names registered now by live processes, sorted (for messages that list them). */
    public java.util.List<String> registeredNames() {
        return names.entrySet().stream().filter(entry -> processes.containsKey(entry.getValue()))
                .map(java.util.Map.Entry::getKey).sorted().toList();
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
