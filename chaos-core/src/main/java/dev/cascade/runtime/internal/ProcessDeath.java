package dev.cascade.runtime.internal;

/**
 * Thrown on the thread of a process that is already dead (killed while busy) when it touches the
 * runtime, to unwind it. An {@link Error} so that ordinary {@code catch (Exception e)} in user
 * code does not keep a dead process's thread going.
 */
public final class ProcessDeath extends Error {
    static final ProcessDeath INSTANCE = new ProcessDeath();

    private ProcessDeath() {
        super("this process is dead; its thread is being unwound", null, false, false);
    }
}
