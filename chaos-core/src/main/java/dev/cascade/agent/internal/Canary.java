package dev.cascade.agent.internal;

/** The class the agent's self-test weaves: if {@link #probe} reports the advice ran, retransformation works in this JVM. */
public final class Canary {
    private static volatile boolean adviceRan;

    private Canary() {}

    /** Runs the (possibly woven) probe; true if its advice ran. */
    static boolean probe() {
        adviceRan = false;
        target();
        return adviceRan;
    }

    /** The woven method; its advice calls {@link #reached}. */
    static void target() {
        // Empty: only the advice woven into it does something.
    }

    public static void reached() {
        adviceRan = true;
    }
}
