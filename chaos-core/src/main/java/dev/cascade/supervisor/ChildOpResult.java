package dev.cascade.supervisor;

/** The answers of {@code terminateChild}, {@code deleteChild} (otp-semantics 3.11). */
public enum ChildOpResult {
    OK,
    NOT_FOUND,
    /** {@code {error, running}}. */
    RUNNING,
    /** {@code {error, restarting}}. */
    RESTARTING
}
