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

/** The shared state of one node: its process table, names, scheduler and listener. */
public final class Kernel {
    private final Node node;
    private final Scheduler scheduler;
    private final RuntimeListener listener;
    private final AtomicLong pids = new AtomicLong();
    private final AtomicLong refs = new AtomicLong();
    private final ConcurrentHashMap<Pid, ProcessCell> processes = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Pid> names = new ConcurrentHashMap<>();

    public Kernel(Node node, Scheduler scheduler, RuntimeListener listener) {
        this.node = node;
        this.scheduler = scheduler;
        this.listener = listener;
    }

    public Node node() {
        return node;
    }

    public Scheduler scheduler() {
        return scheduler;
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
     * Creates a process; if {@code linkedTo} is not null the link exists before the process runs.
     * The process's thread starts only after its cell is in the table.
     */
    public ProcessCell spawn(ProcessBody body, Pid parent, ProcessCell linkedTo) {
        Pid pid = new Pid(pids.incrementAndGet());
        ProcessCell cell = new ProcessCell(this, pid);
        if (linkedTo != null) {
            cell.addLinkUnchecked(linkedTo.pid());
        }
        processes.put(pid, cell);
        listener.processSpawned(pid, parent);
        scheduler.startThread("cascade" + pid, () -> cell.main(body));
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
}
