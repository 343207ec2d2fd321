package dev.cascade.dynamic.internal;

import dev.cascade.dynamic.DynamicChildInfo;
import dev.cascade.runtime.Pid;
import dev.cascade.supervisor.ChildCounts;
import dev.cascade.supervisor.ChildType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A dynamic supervisor's children by pid (a restarting child under its old pid), in start order. */
final class DynamicChildren {
    private final LinkedHashMap<Pid, DynamicChild> children = new LinkedHashMap<>();

    DynamicChild get(Pid pid) {
        return children.get(pid);
    }

    /** Adds a child, or replaces the entry of {@code pid} in place. */
    void put(Pid pid, DynamicChild child) {
        children.put(pid, child);
    }

    void remove(Pid pid) {
        children.remove(pid);
    }

    /** How many children there are, restarting ones included: what max_children counts. */
    int size() {
        return children.size();
    }

    Map<Pid, DynamicChild> snapshot() {
        return new LinkedHashMap<>(children);
    }

    List<DynamicChildInfo> info() {
        return children.entrySet().stream()
                .map(e -> new DynamicChildInfo(e.getValue().restarting() ? Optional.empty() : Optional.of(e.getKey()),
                        e.getValue().spec().type()))
                .toList();
    }

    /** Elixir's count: restarting children are not active but count by type. */
    ChildCounts counts() {
        int active = 0;
        int supervisors = 0;
        for (DynamicChild child : children.values()) {
            if (!child.restarting()) {
                active++;
            }
            if (child.spec().type() == ChildType.SUPERVISOR) {
                supervisors++;
            }
        }
        return new ChildCounts(children.size(), active, supervisors, children.size() - supervisors);
    }
}
