package dev.cascade.trace.internal;

import dev.cascade.trace.TraceEvent;

/** The names trace files give event types: {@code sent}, {@code supervisor_gave_up}, … Not API. */
public final class EventTypes {
    private EventTypes() {}

    /** The type name of {@code event}. */
    public static String of(TraceEvent event) {
        return switch (event) {
            case TraceEvent.Spawned e -> "spawned";
            case TraceEvent.Started e -> "started";
            case TraceEvent.StartIgnored e -> "start_ignored";
            case TraceEvent.StartFailed e -> "start_failed";
            case TraceEvent.Sent e -> "sent";
            case TraceEvent.Delivered e -> "delivered";
            case TraceEvent.Handled e -> "handled";
            case TraceEvent.CallStarted e -> "call_started";
            case TraceEvent.CallReplied e -> "call_replied";
            case TraceEvent.CallTimedOut e -> "call_timed_out";
            case TraceEvent.CallFailed e -> "call_failed";
            case TraceEvent.Exited e -> "exited";
            case TraceEvent.RestartDecided e -> "restart_decided";
            case TraceEvent.SupervisorGaveUp e -> "supervisor_gave_up";
            case TraceEvent.MessageDropped e -> "message_dropped";
            case TraceEvent.MessageLost e -> "message_lost";
            case TraceEvent.UserCall e -> "user_call";
            case TraceEvent.FaultFired e -> "fault_fired";
            case TraceEvent.FaultSkipped e -> "fault_skipped";
        };
    }
}
