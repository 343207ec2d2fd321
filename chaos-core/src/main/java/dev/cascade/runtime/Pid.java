package dev.cascade.runtime;

/**
 * The identity of a process. Pids are never reused within a {@link Node}; printed as Erlang
 * prints them, {@code <0.42.0>}.
 *
 * @param serial the process's number within its node
 */
public record Pid(long serial) implements ServerRef {
    @Override
    public String toString() {
        return "<0." + serial + ".0>";
    }
}
