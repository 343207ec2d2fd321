package dev.cascade.supervisor;

/** Which children a supervisor restarts when one of them must be restarted (otp-semantics 3.5). */
public enum Strategy {
    /** Only the failed child. */
    ONE_FOR_ONE,
    /** All children: the others are terminated newest first, then all start again in order. */
    ONE_FOR_ALL,
    /** The failed child and every child started after it. */
    REST_FOR_ONE
}
