package dev.cascade.runtime.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The supervision trees of a node by path: for each path its start attempts, its incarnations
 * (successful starts) and the process that holds it now. Supervisors name the processes they start
 * ({@code root/app/cache}), so a fault plan can target a path across restarts.
 */
public final class TreeIndex {
    // Each path is written by the one supervisor that starts it, one start at a time; readers
    // (fault injectors) are other processes, hence volatile.
    private static final class PathState {
        volatile int attempts;
        volatile int incarnations;
        volatile ProcessCell live;
        volatile ProcessCell last;
    }

    private final Map<String, PathState> paths = new ConcurrentHashMap<>();
    // Keyed by when they were added, so they are told in that order; each removes itself when done,
    // so a start costs the listeners still listening, not every one there ever was.
    private final ConcurrentSkipListMap<Long, Consumer<ProcessCell>> startListeners = new ConcurrentSkipListMap<>();
    private final AtomicLong listenerOrder = new AtomicLong();

    private PathState state(String path) {
        return paths.computeIfAbsent(path, p -> new PathState());
    }

    /** A process is spawned to hold {@code path}: its start attempt number. */
    int attempt(String path) {
        PathState state = state(path);
        return ++state.attempts;
    }

    /** The start of {@code cell} (holding {@code path}) returned ok: its incarnation number. */
    public int started(String path, ProcessCell cell) {
        PathState state = state(path);
        int number = ++state.incarnations;
        if (cell != null && cell.alive()) {
            cell.place.started(number);
            state.live = cell;
            state.last = cell;
        }
        if (cell != null) {
            for (Consumer<ProcessCell> listener : startListeners.values()) {
                listener.accept(cell);
            }
        }
        return number;
    }

    void ended(String path, ProcessCell cell) {
        PathState state = paths.get(path);
        if (state != null && state.live == cell) {
            state.live = null;
        }
    }

    /** The live process holding {@code path} now, or null (dead, restarting, still starting, unknown). */
    public ProcessCell live(String path) {
        PathState state = paths.get(path);
        ProcessCell cell = state == null ? null : state.live;
        return cell != null && cell.alive() ? cell : null;
    }

    /** The last incarnation of {@code path}, dead or alive, or null if it never started. */
    public ProcessCell last(String path) {
        PathState state = paths.get(path);
        return state == null ? null : state.last;
    }

    /** How many starts of {@code path} were attempted so far. */
    public int attempts(String path) {
        PathState state = paths.get(path);
        return state == null ? 0 : state.attempts;
    }

    /** How many incarnations {@code path} has had. */
    public int incarnations(String path) {
        PathState state = paths.get(path);
        return state == null ? 0 : state.incarnations;
    }

    /**
     * Tells {@code listener} of every successful start from now on (on the supervisor's thread), until
     * the returned {@link Runnable} is run.
     */
    public Runnable onStarted(Consumer<ProcessCell> listener) {
        long key = listenerOrder.incrementAndGet();
        startListeners.put(key, listener);
        return () -> startListeners.remove(key);
    }
}
