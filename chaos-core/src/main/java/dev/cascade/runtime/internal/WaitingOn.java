package dev.cascade.runtime.internal;

import dev.cascade.runtime.Pid;

/**
 * What a process is blocked on while it waits for another process: a gen_server call or the init
 * of a process it started. A simulated scheduler reads these to find wait-for cycles.
 *
 * @param waiter  the waiting process
 * @param target  the process it waits for
 * @param kind    {@code "call"} or {@code "start"}
 * @param request the call's request, or a description of what is awaited
 * @param thread  the waiting process's thread, to tell where in the code it waits
 */
public record WaitingOn(Pid waiter, Pid target, String kind, Object request, Thread thread) {}
