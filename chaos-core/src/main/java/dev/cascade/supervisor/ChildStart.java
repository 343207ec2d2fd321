package dev.cascade.supervisor;

import dev.cascade.genserver.StartResult;
import dev.cascade.runtime.ProcessContext;

/**
 * How a supervisor starts a child: called in the supervisor's own process, it must start the child
 * linked to the supervisor (e.g. with {@code GenServer.startLink}) and return its result. An
 * exception counts as a failed start with that exception as reason.
 */
@FunctionalInterface
public interface ChildStart {
    StartResult start(ProcessContext supervisor) throws Exception;
}
