package dev.cascade.trace;

import dev.cascade.runtime.Pid;

import java.util.Objects;

/**
 * A process as the trace names it: its pid and, for a process of a supervision tree, its path and
 * incarnation.
 *
 * @param pid         the process
 * @param path        its tree path ({@code root/app/cache}), or null for a process outside a tree
 * @param incarnation which successful start of {@code path} it is (1, 2, …); 0 while its start has not
 *                    returned, or outside a tree
 */
public record ProcessId(Pid pid, String path, int incarnation) {
    public ProcessId {
        Objects.requireNonNull(pid, "pid");
    }

    /** A process outside any tree. */
    public static ProcessId of(Pid pid) {
        return new ProcessId(pid, null, 0);
    }

    /** Whether this process holds a tree path. */
    public boolean inTree() {
        return path != null;
    }

    /** {@code root/app/cache#4}, {@code root/app/cache (starting)}, or the pid. */
    @Override
    public String toString() {
        if (path == null) {
            return pid.toString();
        }
        return incarnation > 0 ? path + "#" + incarnation : path + " (starting)";
    }
}
