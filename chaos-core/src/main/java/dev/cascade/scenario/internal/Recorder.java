package dev.cascade.scenario.internal;

import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.RuntimeListener;
import dev.cascade.scenario.OutcomeEvent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Records a scenario run's lifecycle events as they happen: starts (from the wrapped start
 * functions, in the supervisor's process, right after each start returns) and ends (from the
 * runtime listener, before the ending process's links fire), so the log is in causal order.
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
    private final Map<String, Pid> pidByPath = new HashMap<>();
    private boolean frozen;

    Recorder(Set<String> supervisorPaths, LongSupplier clock) {
        this.supervisorPaths = supervisorPaths;
        this.clock = clock;
    }

    void started(String path, Pid pid) {
        locked(() -> {
            int number = counts.merge(path, 1, Integer::sum);
            alive.put(pid, new Incarnation(path, number));
            pidByPath.put(path, pid);
            add(new OutcomeEvent.Started(path, number));
        });
    }

    void startFailed(String path, ExitReason reason) {
        locked(() -> add(new OutcomeEvent.StartFailed(path, reason.describe())));
    }

    void ignored(String path) {
        locked(() -> add(new OutcomeEvent.Ignored(path)));
    }

    void faultSkipped(String path) {
        locked(() -> add(new OutcomeEvent.FaultSkipped(path)));
    }

    @Override
    public void processExited(Pid pid, ExitReason reason, List<Object> unhandled) {
        locked(() -> {
            Incarnation ended = alive.remove(pid);
            if (ended == null) {
                return; // not a started incarnation (a failed start, the runner, an injector)
            }
            pidByPath.remove(ended.path(), pid);
            add(supervisorPaths.contains(ended.path())
                    ? new OutcomeEvent.SupervisorTerminated(ended.path(), ended.number(), reason.describe())
                    : new OutcomeEvent.Exited(ended.path(), ended.number(), reason.describe()));
        });
    }

    /** The live process at {@code path} now, if any. */
    Optional<Pid> livePid(String path) {
        lock.lock();
        try {
            return Optional.ofNullable(pidByPath.get(path));
        } finally {
            lock.unlock();
        }
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
