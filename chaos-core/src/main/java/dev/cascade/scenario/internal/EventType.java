package dev.cascade.scenario.internal;

import dev.cascade.scenario.OutcomeEvent;

import java.util.Set;

/** The {@code type} of an outcome event, and the fields each type has (besides {@code type} and {@code t_ms}). */
public enum EventType {
    STARTED(Set.of("path", "incarnation")),
    START_FAILED(Set.of("path", "reason")),
    IGNORED(Set.of("path")),
    EXITED(Set.of("path", "incarnation", "reason")),
    SUPERVISOR_TERMINATED(Set.of("path", "incarnation", "reason")),
    FAULT_SKIPPED(Set.of("path"));

    /** Every field any event can have. */
    public static final Set<String> ALL_FIELDS = Set.of("type", "path", "incarnation", "reason", "t_ms");

    private final Set<String> fields;

    EventType(Set<String> fields) {
        this.fields = fields;
    }

    /** Whether an event of this type has the field {@code name}. */
    public boolean has(String name) {
        return name.equals("type") || name.equals("t_ms") || fields.contains(name);
    }

    public static EventType of(OutcomeEvent event) {
        return switch (event) {
            case OutcomeEvent.Started started -> STARTED;
            case OutcomeEvent.StartFailed failed -> START_FAILED;
            case OutcomeEvent.Ignored ignored -> IGNORED;
            case OutcomeEvent.Exited exited -> EXITED;
            case OutcomeEvent.SupervisorTerminated terminated -> SUPERVISOR_TERMINATED;
            case OutcomeEvent.FaultSkipped skipped -> FAULT_SKIPPED;
        };
    }
}
