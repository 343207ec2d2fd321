package dev.cascade.runtime.internal;

import dev.cascade.runtime.Pid;

import java.util.Optional;

/**
 * The name one process registered ({@code erlang:register/2}), at most one at a time: taken in the
 * kernel's registry by the process's own thread, released by whichever thread ends it, before its
 * links and monitors are told (otp-semantics P6).
 */
final class RegisteredName {
    private volatile String name; // set by its own thread, read by whichever thread ends it (P6)

    /** The name held, if any. */
    Optional<String> held() {
        return Optional.ofNullable(name);
    }

    /**
     * Registers {@code wanted} for {@code cell}; false when it already holds a name or another
     * process holds this one. A process that died meanwhile gives the name back and dies.
     */
    boolean register(String wanted, ProcessCell cell) {
        Kernel kernel = cell.kernel();
        if (name != null || !kernel.register(wanted, cell)) {
            return false;
        }
        name = wanted;
        if (!cell.alive()) {
            kernel.unregister(wanted, cell.self());
            throw ProcessDeath.INSTANCE;
        }
        return true;
    }

    /** Gives the name held, if any, back to {@code kernel}'s registry: the process no longer holds one. */
    void release(Kernel kernel, Pid pid) {
        giveBack(kernel, pid);
        name = null;
    }

    /** Frees the name held, if any, in {@code kernel}'s registry as the process ends, still remembering it was held. */
    void giveBack(Kernel kernel, Pid pid) {
        String held = name;
        if (held != null) {
            kernel.unregister(held, pid);
        }
    }
}
