package dev.cascade.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a scenario run went through: its ordered lifecycle events and which incarnation of each
 * path was alive at the end. The Java twin of a {@code cascade-outcome/1} file
 * ({@link OutcomeWriter}, {@link OutcomeReader}).
 *
 * <pre>{@code
 * Outcome expected = OutcomeReader.read(Path.of("cache-crash.outcome.json"));
 * boolean same = actual.equalsIgnoringTimes(expected);
 * }</pre>
 *
 * @param scenario          the scenario's name, {@code [a-z0-9_-]+}
 * @param events            in the order they happened
 * @param finalIncarnations every path (in the scenario's path order) to the incarnation alive at
 *                          the end (>= 1), or {@code null} if none; iteration order is kept
 */
public record Outcome(String scenario, List<OutcomeEvent> events, Map<String, Integer> finalIncarnations) {

    /** Validates every component and copies the collections; see the parameters for the rules. */
    public Outcome {
        Checks.matching("scenario name", scenario, Checks.NAME);
        events = List.copyOf(Checks.notNull("events", events));
        Checks.notNull("finalIncarnations", finalIncarnations);
        finalIncarnations.forEach((path, incarnation) -> {
            Checks.matching("path in finalIncarnations", path, Checks.PATH);
            if (incarnation != null) {
                Checks.atLeast("final incarnation of " + path, incarnation, 1);
            }
        });
        finalIncarnations = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(finalIncarnations));
    }

    /** This outcome with every event's time removed. */
    public Outcome withoutTimes() {
        return new Outcome(scenario, events.stream().map(OutcomeEvent::withoutTime).toList(), finalIncarnations);
    }

    /** Whether both outcomes have the same scenario, events and final state, ignoring {@code t_ms}. */
    public boolean equalsIgnoringTimes(Outcome other) {
        return withoutTimes().equals(other.withoutTimes());
    }
}
