package dev.cascade.trace;

import java.util.Objects;
import java.util.Optional;

/**
 * Whom a message or a call was addressed to, as the trace names it: a process ({@link ProcessId}),
 * or a name that no process ever held ({@link Unheld}). A call to such a name fails with
 * {@code noproc} without sending anything (otp-semantics G21), and a cast to it is dropped (G23); the
 * trace still records them against the name, so the failure can be explained.
 *
 * <pre>{@code
 * String whom = switch (started.callee()) {
 *     case ProcessId process -> "process " + process;
 *     case Addressee.Unheld name -> "the name " + name.name() + ", which no process ever held";
 * };
 * }</pre>
 */
public sealed interface Addressee permits ProcessId, Addressee.Unheld {

    /** Its tree path, if it is a process that holds one. */
    Optional<String> path();

    /** Whether it is a process holding tree path {@code path} (any incarnation). */
    default boolean isAt(String path) {
        return path().filter(path::equals).isPresent();
    }

    /**
     * A name no process ever held: {@code ledgr}, or {@code via(sessions, alcie)} for a registry key.
     * Shown as {@code ledgr (never registered)}.
     *
     * @param name the name as the caller wrote it
     */
    record Unheld(String name) implements Addressee {
        /** Rejects null. */
        public Unheld {
            Objects.requireNonNull(name, "name");
        }

        public Optional<String> path() {
            return Optional.empty();
        }

        @Override
        public String toString() {
            return name + " (never registered)";
        }
    }
}
