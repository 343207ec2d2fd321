package dev.cascade.simulation;

/** What a simulation does after it reported a {@link Deadlock}. */
public enum DeadlockPolicy {
    /** Record and report the deadlock, then go on: the calls' timeouts fire as they would in OTP. */
    REPORT_AND_CONTINUE,
    /** Record and report the deadlock, then stop the run with a {@link DeadlockException}. */
    STOP
}
