package dev.cascade.simulation;

import java.util.List;

/** Lets other test classes run the gossip program of {@link NondeterminismTests}. */
final class NondeterminismTestsAccess {
    private NondeterminismTestsAccess() {}

    static List<String> gossip(SimulatedScheduler sim) {
        return NondeterminismTests.gossip(sim);
    }
}
