package dev.cascade.supervisor;

/** Whether a supervisor stops itself when significant children end (otp-semantics 3.10). */
public enum AutoShutdown {
    /** Never (the default). */
    NEVER,
    /** When any significant child ends on its own and is not restarted. */
    ANY_SIGNIFICANT,
    /** When no significant child is left running. */
    ALL_SIGNIFICANT
}
