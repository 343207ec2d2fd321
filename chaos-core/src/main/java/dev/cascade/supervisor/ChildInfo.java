package dev.cascade.supervisor;

import dev.cascade.runtime.Pid;

import java.util.Optional;

/**
 * One row of {@link Supervisor#whichChildren}: OTP's {@code {Id, Pid | restarting | undefined, Type, Modules}}.
 *
 * @param pid        the running process, if any
 * @param restarting whether a failed restart is waiting to be retried
 */
public record ChildInfo(String id, Optional<Pid> pid, boolean restarting, ChildType type) {}
