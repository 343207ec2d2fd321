package dev.cascade.simulation;

import dev.cascade.runtime.Pid;

/**
 * One edge of a wait-for cycle: {@code process} is blocked until {@code waitsFor} answers.
 *
 * @param process  the waiting process
 * @param kind     {@code "call"} (a gen_server call) or {@code "start"} (waiting for a started process's init)
 * @param waitsFor the process it waits for
 * @param request  the call's request, or what the start waits for
 * @param where    the first frame of user code on the waiting process's stack, or {@code "unknown"}
 */
public record WaitingCall(Pid process, String kind, Pid waitsFor, Object request, String where) {

    /** One line: {@code "<0.5.0> waits in call to <0.6.0> (request: ping) at Billing.handleCall(Billing.java:42)"}. */
    public String describe() {
        return process + " waits in " + kind + " to " + waitsFor + " (request: " + request + ") at " + where;
    }
}
