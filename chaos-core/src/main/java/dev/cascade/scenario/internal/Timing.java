package dev.cascade.scenario.internal;

import dev.cascade.scenario.OutcomeEvent;

import java.util.OptionalLong;

/** Copies of outcome events with their {@code t_ms} set. */
final class Timing {
    private Timing() {}

    static OutcomeEvent at(OutcomeEvent event, OptionalLong tMs) {
        return switch (event) {
            case OutcomeEvent.Started e -> new OutcomeEvent.Started(e.path(), e.incarnation(), tMs);
            case OutcomeEvent.StartFailed e -> new OutcomeEvent.StartFailed(e.path(), e.reason(), tMs);
            case OutcomeEvent.Ignored e -> new OutcomeEvent.Ignored(e.path(), tMs);
            case OutcomeEvent.Exited e -> new OutcomeEvent.Exited(e.path(), e.incarnation(), e.reason(), tMs);
            case OutcomeEvent.SupervisorTerminated e ->
                    new OutcomeEvent.SupervisorTerminated(e.path(), e.incarnation(), e.reason(), tMs);
            case OutcomeEvent.FaultSkipped e -> new OutcomeEvent.FaultSkipped(e.path(), tMs);
        };
    }
}
