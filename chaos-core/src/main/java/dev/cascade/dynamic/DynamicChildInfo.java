package dev.cascade.dynamic;

import dev.cascade.runtime.Pid;
import dev.cascade.supervisor.ChildType;

import java.util.Objects;
import java.util.Optional;

/**
 * One row of {@link DynamicSupervisor#whichChildren}: Elixir's
 * {@code {:undefined, pid | :restarting, type, modules}}. Dynamic children have no id.
 *
 * <pre>{@code
 * List<Pid> running = DynamicSupervisor.whichChildren(ctx, sup).stream()
 *     .flatMap(child -> child.pid().stream()).toList();
 * }</pre>
 *
 * @param pid the running process, or empty while a failed restart waits to be retried
 */
public record DynamicChildInfo(Optional<Pid> pid, ChildType type) {
    public DynamicChildInfo {
        Objects.requireNonNull(pid, "pid");
        Objects.requireNonNull(type, "type");
    }

    /** Whether a failed restart of this child waits to be retried. */
    public boolean restarting() {
        return pid.isEmpty();
    }
}
