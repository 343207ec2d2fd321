package dev.cascade.cli.otp;

import dev.cascade.scenario.Outcome;
import dev.cascade.scenario.OutcomeEvent;

import java.util.List;

/** Outcome events as one readable line each, without times: the unit the comparison works on. */
final class EventLines {
    private EventLines() {}

    static List<String> of(Outcome outcome) {
        return outcome.events().stream().map(EventLines::line).toList();
    }

    static String line(OutcomeEvent event) {
        return switch (event) {
            case OutcomeEvent.Started e -> "started " + e.path() + " #" + e.incarnation();
            case OutcomeEvent.StartFailed e -> "start_failed " + e.path() + " " + e.reason();
            case OutcomeEvent.Ignored e -> "ignored " + e.path();
            case OutcomeEvent.Exited e -> "exited " + e.path() + " #" + e.incarnation() + " " + e.reason();
            case OutcomeEvent.SupervisorTerminated e ->
                    "supervisor_terminated " + e.path() + " #" + e.incarnation() + " " + e.reason();
            case OutcomeEvent.FaultSkipped e -> "fault_skipped " + e.path();
        };
    }
}
