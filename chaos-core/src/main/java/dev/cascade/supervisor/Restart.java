package dev.cascade.supervisor;

/** When a supervisor restarts a child that ended (otp-semantics 3.4). */
public enum Restart {
    /** Always restarted. */
    PERMANENT,
    /** Restarted only after an abnormal exit (not {@code normal}, {@code shutdown}, {@code shutdown:x}). */
    TRANSIENT,
    /** Never restarted; its spec is removed when it ends. */
    TEMPORARY
}
