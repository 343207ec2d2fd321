package dev.cascade.simulation.internal;

import dev.cascade.runtime.Scheduler;

import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The simulation's timers: a binary heap ordered by due time, then by the order they were set, so
 * timers due at the same instant fire in a repeatable order. A cancelled timer leaves the heap at
 * once, so a run of many short waits does not accumulate dead timers.
 */
final class TimerQueue {
    private final ReentrantLock lock = new ReentrantLock();
    private Timer[] heap = new Timer[16];
    private int size;
    private long sequence;

    /** A timer; cancelling it after it fired (or twice) is harmless. */
    final class Timer implements Scheduler.Cancellable {
        final long due;
        final long order;
        final Runnable action;
        private int index = -1;

        private Timer(long due, long order, Runnable action) {
            this.due = due;
            this.order = order;
            this.action = action;
        }

        @Override
        public void cancel() {
            remove(this);
        }
    }

    Timer add(long due, Runnable action) {
        lock.lock();
        try {
            Timer timer = new Timer(due, sequence++, action);
            if (size == heap.length) {
                heap = Arrays.copyOf(heap, size * 2);
            }
            place(timer, size++);
            up(timer.index);
            return timer;
        } finally {
            lock.unlock();
        }
    }

    /** The earliest timer, still queued; null if none. */
    Timer peek() {
        lock.lock();
        try {
            return size == 0 ? null : heap[0];
        } finally {
            lock.unlock();
        }
    }

    /** Takes {@code timer} out if it is the earliest; false if it was cancelled meanwhile. */
    boolean take(Timer timer) {
        lock.lock();
        try {
            if (size == 0 || heap[0] != timer) {
                return false;
            }
            removeAt(0);
            return true;
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return size;
        } finally {
            lock.unlock();
        }
    }

    void clear() {
        lock.lock();
        try {
            for (int i = 0; i < size; i++) {
                heap[i].index = -1;
                heap[i] = null;
            }
            size = 0;
        } finally {
            lock.unlock();
        }
    }

    private void remove(Timer timer) {
        lock.lock();
        try {
            if (timer.index >= 0) {
                removeAt(timer.index);
            }
        } finally {
            lock.unlock();
        }
    }

    private void removeAt(int index) {
        Timer gone = heap[index];
        gone.index = -1;
        size--;
        if (index == size) {
            heap[size] = null;
            return;
        }
        place(heap[size], index);
        heap[size] = null;
        down(index);
        up(index);
    }

    private void up(int index) {
        while (index > 0) {
            int parent = (index - 1) >>> 1;
            if (!before(heap[index], heap[parent])) {
                return;
            }
            swap(index, parent);
            index = parent;
        }
    }

    private void down(int index) {
        while (true) {
            int left = 2 * index + 1;
            if (left >= size) {
                return;
            }
            int right = left + 1;
            int child = right < size && before(heap[right], heap[left]) ? right : left;
            if (!before(heap[child], heap[index])) {
                return;
            }
            swap(index, child);
            index = child;
        }
    }

    private static boolean before(Timer a, Timer b) {
        return a.due < b.due || a.due == b.due && a.order < b.order;
    }

    private void swap(int i, int j) {
        Timer a = heap[i];
        place(heap[j], i);
        place(a, j);
    }

    private void place(Timer timer, int index) {
        heap[index] = timer;
        timer.index = index;
    }
}
