package dev.cascade.trace;

import dev.cascade.runtime.Scheduler;
import dev.cascade.simulation.SimulatedScheduler;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * Which scheduler a run was on, as a trace file records it: {@code simulated} with its seed (the run
 * replays from it), or {@code real}; and the scheduler's own description.
 *
 * <pre>{@code
 * SchedulerInfo.of(SimulatedScheduler.withSeed(7)).seed();   // OptionalLong[7]
 * }</pre>
 *
 * @param kind        {@code simulated} or {@code real}
 * @param seed        the seed of a simulated run; empty on the real scheduler
 * @param description {@link Scheduler#description()}, e.g. {@code simulated (seed 7, virtual threads)}
 */
public record SchedulerInfo(String kind, OptionalLong seed, String description) {
    /** Checks that a seed is given exactly for a simulated run. */
    public SchedulerInfo {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(description, "description");
        if (!kind.equals("simulated") && !kind.equals("real")) {
            throw new IllegalArgumentException("a scheduler kind is simulated or real but was \"" + kind + "\"");
        }
        if (kind.equals("simulated") != seed.isPresent()) {
            throw new IllegalArgumentException("a simulated run has a seed and a real one has none, but a " + kind
                    + " run has " + (seed.isPresent() ? "seed " + seed.getAsLong() : "none"));
        }
    }

    /** What {@code scheduler} is. */
    public static SchedulerInfo of(Scheduler scheduler) {
        return scheduler instanceof SimulatedScheduler simulated
                ? new SchedulerInfo("simulated", OptionalLong.of(simulated.seed()), simulated.description())
                : new SchedulerInfo("real", OptionalLong.empty(), scheduler.description());
    }
}
