package dev.cascade.runtime.internal;

import dev.cascade.runtime.Pid;
import dev.cascade.trace.ProcessId;

/**
 * Where one process sits in a supervision tree: its path, which start attempt and which
 * incarnation of that path it is, and what the chaos machinery needs to know about it (whether it
 * runs a GenServer loop, whether an injected fault is ending it). Its path and start attempt are
 * set before the process runs, by the supervisor that starts it (see {@link ProcessCell#startingChild}).
 */
public final class TreePlace {
    private volatile String path;
    private volatile int incarnation;
    private int startAttempt;
    private String pendingChildPath;
    private boolean keyNamed;
    private String lastChildPath;
    private volatile boolean endingByFault;
    private volatile boolean genServer;
    private volatile ProcessId traceName; // the last name traceId() made; racing threads at worst make an equal one

    TreePlace() {}

    /** This process's tree path, or null outside a tree. */
    public String path() {
        return path;
    }

    /** Which successful start of its path this process is; 0 while starting or outside a tree. */
    public int incarnation() {
        return incarnation;
    }

    /** Which start attempt of its path this process is (1 = the first), 0 outside a tree. */
    public int startAttempt() {
        return startAttempt;
    }

    /** The next process this one spawns linked takes {@code childPath} (a supervisor about to start a child); null: none. */
    public void startingChild(String childPath) {
        pendingChildPath = childPath;
        if (childPath == null) {
            keyNamed = false;
        } else {
            lastChildPath = null;
        }
    }

    /**
     * The child about to be started (a dynamic supervisor's new child) is named by the registry key
     * it is started under, if any ({@link #nameChild}), instead of the last segment of its pending path.
     */
    public void nameNextChildByKey() {
        keyNamed = true;
    }

    /**
     * A server is about to be started under registry key {@code key}: if this process is starting a
     * child that is named by its key, the child's path ends in the key ({@code root/sessions/alice});
     * characters a path segment cannot hold become {@code _}.
     */
    public void nameChild(Object key) {
        if (keyNamed && pendingChildPath != null) {
            String parent = pendingChildPath.substring(0, pendingChildPath.lastIndexOf('/') + 1);
            String segment = String.valueOf(key).replaceAll("[^A-Za-z0-9_.-]", "_");
            pendingChildPath = parent + (segment.isEmpty() ? "_" : segment);
            keyNamed = false;
        }
    }

    /** The path the last child this process started took (null if none took one since its start began). */
    public String lastChildPath() {
        return lastChildPath;
    }

    void takePath(String childPath, int attempt) {
        path = childPath;
        startAttempt = attempt;
    }

    String takePendingChildPath() {
        String pending = pendingChildPath;
        pendingChildPath = null;
        keyNamed = false;
        if (pending != null) {
            lastChildPath = pending;
        }
        return pending;
    }

    /** Its start returned: it is incarnation {@code number} of its path. */
    public void started(int number) {
        incarnation = number;
    }

    /** This process runs a GenServer loop (faults that act inside a handler need one). */
    public void markGenServer() {
        genServer = true;
    }

    /** Whether this process runs a GenServer loop. */
    public boolean isGenServer() {
        return genServer;
    }

    /** An injected fault is ending this GenServer (its {@code terminate} runs for a fault, not a shutdown request). */
    public void endingByFault() {
        endingByFault = true;
    }

    /** Whether an injected fault is ending this process. */
    public boolean isEndingByFault() {
        return endingByFault;
    }

    /**
     * The trace's name for process {@code pid} at this place: made again only when the place changed
     * (it took a path, or its start returned), so the events of a traced run share one name per incarnation.
     */
    public ProcessId traceId(Pid pid) {
        String current = path;
        int number = incarnation;
        ProcessId name = traceName;
        boolean same = switch (name) {
            case null -> false;
            case ProcessId.Outside outside -> current == null;
            case ProcessId.Starting starting -> starting.treePath() == current && number == 0;
            case ProcessId.Incarnation started -> started.treePath() == current && started.number() == number;
        };
        if (!same) {
            name = current == null ? ProcessId.outside(pid)
                    : number > 0 ? ProcessId.incarnation(pid, current, number) : ProcessId.starting(pid, current);
            traceName = name;
        }
        return name;
    }
}
