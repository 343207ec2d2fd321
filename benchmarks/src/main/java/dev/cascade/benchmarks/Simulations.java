package dev.cascade.benchmarks;

import dev.cascade.simulation.Backend;
import dev.cascade.simulation.SimulatedScheduler;

/**
 * Simulated schedulers for the benchmarks, checked to run on the backend they claim: a figure
 * measured on the baton backend by accident would be reported as the executor's.
 */
public final class Simulations {
    /** The flag the executor backend needs; every benchmark's {@code @Fork} appends it. */
    static final String OPEN_JAVA_LANG = "--add-opens=java.base/java.lang=ALL-UNNAMED";

    private Simulations() {}

    /** The default simulation ({@link SimulatedScheduler#withSeed}), which must have picked the executor backend. */
    public static SimulatedScheduler executor(long seed) {
        return checked(SimulatedScheduler.withSeed(seed), Backend.EXECUTOR);
    }

    /** A simulation on {@code backend}, insisted on through the builder. */
    static SimulatedScheduler on(Backend backend, long seed) {
        return checked(SimulatedScheduler.builder().seed(seed).backend(backend).build(), backend);
    }

    private static SimulatedScheduler checked(SimulatedScheduler sim, Backend expected) {
        if (sim.backend() != expected) {
            throw new IllegalStateException("this benchmark measures the " + expected + " backend but the simulation"
                    + " runs on " + sim.backend() + " (" + sim.description() + "); run the JVM with " + OPEN_JAVA_LANG
                    + " (the @Fork annotations append it; with -f 0, start java with it or use java -jar, whose"
                    + " manifest has Add-Opens)");
        }
        return sim;
    }
}
