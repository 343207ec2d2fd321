package dev.cascade.scenario.internal;

import dev.cascade.genserver.StartResult;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.RuntimeListener;
import dev.cascade.runtime.internal.Kernel;
import dev.cascade.runtime.internal.ProcessCell;
import dev.cascade.scenario.OutcomeEvent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Records a scenario run's lifecycle events as they happen: starts (from the runtime listener, in
 * the supervisor's process, right after each start returned; the root's from the runner) and ends
 * (before the ending process's links fire), so the log is in causal order. A supervisor's children
 * are named by the path the supervisor got when it was spawned.
 */
final class Recorder implements RuntimeListener {
    record Incarnation(String path, int number) {}

    private final ReentrantLock lock = new ReentrantLock();
    private final Set<String> supervisorPaths;
    private final LongSupplier clock;
    private final List<OutcomeEvent> events = new ArrayList<>();
    private final List<Long> times = new ArrayList<>();
    private final Map<String, Integer> counts = new HashMap<>();
    private final Map<Pid, Incarnation> alive = new HashMap<>();
    private final Map<Pid, ExitReason> endedBeforeRecorded = new HashMap<>();
    private final Map<Pid, String> paths = new HashMap<>();
    private volatile Kernel kernel;
    private boolean frozen;

    Recorder(Set<String> supervisorPaths, LongSupplier clock) {
        this.supervisorPaths = supervisorPaths;
        this.clock = clock;
    }

    /** The node's kernel, to learn the tree path of each process it spawns; set before the tree starts. */
    void bind(Kernel kernel) {
        this.kernel = kernel;
    }

    /** What the start of the root (or of any path) returned. */
    void record(String path, StartResult result) {
        switch (result) {
            case StartResult.Started started -> started(path, started.pid());
            case StartResult.Ignored ignored -> ignored(path);
            case StartResult.Failed failed -> startFailed(path, failed.reason());
        }
    }

    /** A process with a tree path was spawned: its path is kept, as the process may be dead by the time its start is told. */
    @Override
    public void processSpawned(Pid pid, Pid parent) {
        ProcessCell cell = kernel == null ? null : kernel.cell(pid); // it has not run yet, so it is still there
        if (cell != null && cell.place().path() != null) {
            lock.lock();
            try {
                paths.put(pid, cell.place().path());
            } finally {
                lock.unlock();
            }
        }
    }

    @Override
    public void childStarted(Pid supervisor, String childId, Pid child) {
        String path = childPath(supervisor, childId);
        if (path != null) {
            started(path, child);
        }
    }

    @Override
    public void childStartFailed(Pid supervisor, String childId, ExitReason reason) {
        String path = childPath(supervisor, childId);
        if (path != null) {
            startFailed(path, reason);
        }
    }

    @Override
    public void childIgnored(Pid supervisor, String childId) {
        String path = childPath(supervisor, childId);
        if (path != null) {
            ignored(path);
        }
    }

    /** The path of {@code supervisor}'s child {@code childId}, or null outside the tree. */
    private String childPath(Pid supervisor, String childId) {
        lock.lock();
        try {
            String path = paths.get(supervisor);
            return path == null ? null : path + "/" + childId;
        } finally {
            lock.unlock();
        }
    }

    private void started(String path, Pid pid) {
        locked(() -> {
            Incarnation incarnation = new Incarnation(path, counts.merge(path, 1, Integer::sum));
            add(new OutcomeEvent.Started(path, incarnation.number()));
            ExitReason early = endedBeforeRecorded.remove(pid);
            if (early == null) {
                alive.put(pid, incarnation);
            } else {
                ended(incarnation, early); // it ended after its start returned: its end comes right after its start
            }
        });
    }

    private void startFailed(String path, ExitReason reason) {
        locked(() -> add(new OutcomeEvent.StartFailed(path, Spelling.of(reason))));
    }

    private void ignored(String path) {
        locked(() -> add(new OutcomeEvent.Ignored(path)));
    }

    void faultSkipped(String path) {
        locked(() -> add(new OutcomeEvent.FaultSkipped(path)));
    }

    /**
     * A process ended. One whose start is not recorded yet may still be a new incarnation: a fault
     * can kill it once the runtime counted its start, before its supervisor's listener call told
     * us (on the real scheduler, another thread gets there first); its end is kept until then.
     * Any other (a failed start, the runner, an injector) is no incarnation and stays unrecorded.
     */
    @Override
    public void processExited(Pid pid, ExitReason reason, List<Object> unhandled) {
        locked(() -> {
            Incarnation ended = alive.remove(pid);
            if (ended == null) {
                endedBeforeRecorded.put(pid, reason);
            } else {
                ended(ended, reason);
            }
        });
    }

    private void ended(Incarnation ended, ExitReason reason) {
        add(supervisorPaths.contains(ended.path())
                ? new OutcomeEvent.SupervisorTerminated(ended.path(), ended.number(), Spelling.of(reason))
                : new OutcomeEvent.Exited(ended.path(), ended.number(), Spelling.of(reason)));
    }

    /** The processes of the tree alive now (their starts returned and they have not ended). */
    List<Pid> alive() {
        List<Pid> pids = new ArrayList<>();
        locked(() -> pids.addAll(alive.keySet()));
        return pids;
    }

    /** Stops recording; returns the events with times relative to {@code zeroNanos}, and the live incarnations. */
    Snapshot freeze(long zeroNanos) {
        lock.lock();
        try {
            frozen = true;
            List<OutcomeEvent> timed = new ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                timed.add(Timing.at(events.get(i), OptionalLong.of(Math.floorDiv(times.get(i) - zeroNanos, 1_000_000L))));
            }
            Map<String, Integer> live = new HashMap<>();
            alive.values().forEach(incarnation -> live.put(incarnation.path(), incarnation.number()));
            return new Snapshot(timed, live);
        } finally {
            lock.unlock();
        }
    }

    record Snapshot(List<OutcomeEvent> events, Map<String, Integer> live) {}

    private void add(OutcomeEvent event) {
        if (!frozen) {
            events.add(event);
            times.add(clock.getAsLong());
        }
    }

    private void locked(Runnable action) {
        lock.lock();
        try {
            if (!frozen) {
                action.run();
            }
        } finally {
            lock.unlock();
        }
    }
}
