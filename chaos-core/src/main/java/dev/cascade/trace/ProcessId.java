package dev.cascade.trace;

import dev.cascade.runtime.Pid;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A process as the trace names it (an {@link Addressee} that exists): its pid and, for a process of a supervision tree, its path and
 * incarnation. One of three cases, so no field is ever null or zero for "none":
 * {@link Outside} a tree, {@link Starting} (its path taken, its start not yet returned), or a
 * started {@link Incarnation} of a path.
 *
 * <pre>{@code
 * ProcessId cache = ProcessId.incarnation(pid, "root/app/cache", 2);
 * cache.toString();            // root/app/cache#2
 * cache.isAt("root/app/cache") // true
 * }</pre>
 */
public sealed interface ProcessId extends Addressee {

    /** The process. */
    Pid pid();

    /** Its tree path, if it holds one. */
    @Override
    Optional<String> path();

    /** Which successful start of its path it is (1, 2, …), once its start returned. */
    OptionalInt incarnation();

    /** Whether this process holds a tree path. */
    default boolean inTree() {
        return path().isPresent();
    }

    /** A process outside any tree: shown as its pid, {@code <0.7.0>}. */
    record Outside(Pid pid) implements ProcessId {
        /** Rejects null. */
        public Outside {
            Objects.requireNonNull(pid, "pid");
        }

        public Optional<String> path() {
            return Optional.empty();
        }

        public OptionalInt incarnation() {
            return OptionalInt.empty();
        }

        @Override
        public String toString() {
            return pid.toString();
        }
    }

    /** A process that took tree path {@code treePath} but whose start has not returned: {@code root/db (starting)}. */
    record Starting(Pid pid, String treePath) implements ProcessId {
        /** Rejects null. */
        public Starting {
            Objects.requireNonNull(pid, "pid");
            Objects.requireNonNull(treePath, "treePath");
        }

        public Optional<String> path() {
            return Optional.of(treePath);
        }

        public OptionalInt incarnation() {
            return OptionalInt.empty();
        }

        @Override
        public String toString() {
            return treePath + " (starting)";
        }
    }

    /** The {@code number}-th successful start (from 1) of tree path {@code treePath}: {@code root/db#2}. */
    record Incarnation(Pid pid, String treePath, int number) implements ProcessId {
        /** Rejects null and numbers below 1. */
        public Incarnation {
            Objects.requireNonNull(pid, "pid");
            Objects.requireNonNull(treePath, "treePath");
            if (number < 1) {
                throw new IllegalArgumentException("an incarnation is numbered from 1 but was " + number);
            }
        }

        public Optional<String> path() {
            return Optional.of(treePath);
        }

        public OptionalInt incarnation() {
            return OptionalInt.of(number);
        }

        @Override
        public String toString() {
            return treePath + "#" + number;
        }
    }

    /** A process outside any tree. */
    static Outside outside(Pid pid) {
        return new Outside(pid);
    }

    /** A tree process whose start has not returned. */
    static Starting starting(Pid pid, String path) {
        return new Starting(pid, path);
    }

    /** Incarnation {@code number} of {@code path}. */
    static Incarnation incarnation(Pid pid, String path, int number) {
        return new Incarnation(pid, path, number);
    }
}
