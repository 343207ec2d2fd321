package dev.cascade.scenario;

import dev.cascade.internal.Echo;
import java.util.Objects;

/**
 * A scenario or outcome file is invalid. The message is {@code <location>: <problem>}, e.g.
 * {@code tree.children[1].restart: expected one of permanent, transient, temporary but was "always"}.
 *
 * <p>The location is a JSON path ({@code tree.children[1].restart}, {@code faults[3].target},
 * {@code (top level)}) for content errors, or {@code line:column} (both 1-based) for text that is
 * not JSON at all.
 */
public final class ScenarioFormatException extends RuntimeException {
    /** A location names keys of the file, which may be long: it is cut to this many characters. */
    private static final int MAX_LOCATION = 300;

    private final String location;
    private final String problem;

    /**
     * An error at {@code location}.
     *
     * @param location where the problem is: a JSON path or {@code line:column}
     * @param problem  what is wrong there, with the expected values and what was found
     */
    public ScenarioFormatException(String location, String problem) {
        // Escaped here as well as where values are echoed: nothing a file says may act on a terminal.
        this(Echo.escape(Echo.cut(Objects.requireNonNull(location, "location"), MAX_LOCATION)),
                Echo.escape(Objects.requireNonNull(problem, "problem")), true);
    }

    private ScenarioFormatException(String location, String problem, boolean escaped) {
        super(location + ": " + problem);
        this.location = location;
        this.problem = problem;
    }

    /** Where the problem is, e.g. {@code faults[3].target} or {@code 4:17}. */
    public String location() {
        return location;
    }

    /** What is wrong, without the location. */
    public String problem() {
        return problem;
    }
}
