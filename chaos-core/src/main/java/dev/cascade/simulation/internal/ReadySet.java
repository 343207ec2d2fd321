package dev.cascade.simulation.internal;

import java.util.ArrayList;
import java.util.SplittableRandom;

/**
 * The threads that could run now, and the seeded choice among them: the one place where the
 * simulation's interleaving is decided. Touched only by the thread in control of the simulation.
 */
final class ReadySet {
    private final ArrayList<Object> tasks = new ArrayList<>();
    private final SplittableRandom random;

    ReadySet(long seed) {
        this.random = new SplittableRandom(seed);
    }

    void add(Object task) {
        tasks.add(task);
    }

    boolean isEmpty() {
        return tasks.isEmpty();
    }

    int size() {
        return tasks.size();
    }

    /** Removes and returns a task chosen by the seed; the set must not be empty. */
    Object pick() {
        int last = tasks.size() - 1;
        if (last == 0) {
            return tasks.remove(0);
        }
        int chosen = random.nextInt(last + 1);
        Object task = tasks.get(chosen);
        tasks.set(chosen, tasks.get(last));
        tasks.remove(last);
        return task;
    }

    /**
     * Removes the tasks added since the set had {@code mark} entries that were already in it: the
     * JDK resubmits a ready virtual thread after its stack was taken, which must not make it run twice.
     */
    void dropRepeatsAfter(int mark) {
        for (int i = tasks.size() - 1; i >= mark; i--) {
            Object task = tasks.get(i);
            for (int j = 0; j < mark; j++) {
                if (tasks.get(j) == task) {
                    tasks.remove(i);
                    break;
                }
            }
        }
    }

    void clear() {
        tasks.clear();
    }
}
