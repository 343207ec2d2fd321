package dev.cascade.simulation;

import java.time.Duration;
import java.util.List;

/**
 * What a simulated run did and whether it can be replayed.
 *
 * @param seed           the seed; the same seed replays the same run
 * @param backend        which backend ran it
 * @param steps          scheduling steps taken (one per time a thread was given control)
 * @param virtualTime    virtual time reached
 * @param deadlocks      wait-for cycles found, in order
 * @param nondeterminism everything that made the run depend on more than its seed
 */
public record SimulationReport(long seed, Backend backend, long steps, Duration virtualTime,
                               List<Deadlock> deadlocks, List<Nondeterminism> nondeterminism) {

    public SimulationReport {
        deadlocks = List.copyOf(deadlocks);
        nondeterminism = List.copyOf(nondeterminism);
    }

    /** True if nothing but the seed decided the run. */
    public boolean reproducible() {
        return nondeterminism.isEmpty();
    }

    /** A short summary, e.g. {@code "seed 42, executor backend, 1204 steps, 65000 ms virtual, reproducible"}. */
    public String summary() {
        return "seed " + seed + ", " + backend.name().toLowerCase(java.util.Locale.ROOT) + " backend, " + steps + " steps, "
                + virtualTime.toMillis() + " ms virtual, "
                + (reproducible() ? "reproducible" : "NOT reproducible (" + nondeterminism.size() + " cause"
                + (nondeterminism.size() == 1 ? "" : "s") + ")")
                + (deadlocks.isEmpty() ? "" : ", " + deadlocks.size() + " deadlock" + (deadlocks.size() == 1 ? "" : "s"));
    }
}
