package dev.cascade.simulation;

import java.time.Duration;

/**
 * Where a simulation stopped: nothing can run, and no timer is due before the horizon asked for.
 *
 * @param now           the virtual time
 * @param pendingTimers timers still set (all due after the horizon)
 */
public record Quiescence(Duration now, int pendingTimers) {}
