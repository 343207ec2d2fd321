package dev.cascade.supervisor.internal;

import dev.cascade.runtime.Pid;

import java.util.ArrayList;
import java.util.List;

/** A supervisor's children in start order (index 0 started first); stop order is the reverse. */
final class ChildTable {
    private final List<ChildEntry> entries = new ArrayList<>();

    void add(ChildEntry entry) {
        entries.add(entry);
    }

    void remove(ChildEntry entry) {
        entries.remove(entry);
    }

    boolean contains(ChildEntry entry) {
        return entries.contains(entry);
    }

    ChildEntry find(String id) {
        for (ChildEntry entry : entries) {
            if (entry.id().equals(id)) {
                return entry;
            }
        }
        return null;
    }

    ChildEntry findByPid(Pid pid) {
        for (ChildEntry entry : entries) {
            if (pid.equals(entry.pid)) {
                return entry;
            }
        }
        return null;
    }

    /** A snapshot in start order. */
    List<ChildEntry> inStartOrder() {
        return List.copyOf(entries);
    }

    /** A snapshot, newest first. */
    List<ChildEntry> newestFirst() {
        return List.copyOf(entries).reversed();
    }

    /** {@code entry} and every child started after it, in start order. */
    List<ChildEntry> fromOnwards(ChildEntry entry) {
        int index = entries.indexOf(entry);
        return List.copyOf(entries.subList(index, entries.size()));
    }

    int size() {
        return entries.size();
    }
}
