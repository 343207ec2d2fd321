package dev.cascade.trace;

import java.util.Objects;

/**
 * A {@code cascade-trace/1} file is invalid. The message is {@code <location>: <problem>}, e.g.
 * {@code line 12 (event 9), member "type": expected one of spawned, started, … but was "sprawned"}.
 */
public final class TraceFormatException extends RuntimeException {
    private final String location;

    /**
     * An error at {@code location}.
     *
     * @param location where the problem is: a line and member, or {@code line:column} for text that is not JSON
     * @param problem  what is wrong there, with what was expected and what was found
     */
    public TraceFormatException(String location, String problem) {
        super(Objects.requireNonNull(location, "location") + ": " + Objects.requireNonNull(problem, "problem"));
        this.location = location;
    }

    /** Where the problem is. */
    public String location() {
        return location;
    }
}
