package dev.cascade.benchmarks.suite;

import dev.cascade.benchmarks.Simulations;
import dev.cascade.benchmarks.workloads.Metric;
import dev.cascade.benchmarks.workloads.Sample;
import dev.cascade.runtime.Scheduler;
import dev.cascade.runtime.Tracing;

import java.util.ArrayList;
import java.util.List;

/** How a workload runs: on which scheduler, traced or not, and which figures it reports there. */
enum Mode {
    /** The real scheduler (a virtual thread per process, both cores), untraced: benchmarks.md's figures. */
    REAL("real"),
    /** The same with {@link Tracing#ON}: the cost of recording every event. */
    TRACED("real, traced"),
    /**
     * The real scheduler with carriers of the node's own ({@code Scheduler.real(1)}): one carrier, so a
     * woken process never waits for another carrier to wake up. Opt-in, not the default.
     */
    OWN_CARRIER("real, own carrier"),
    /**
     * A fresh simulation per iteration (executor backend, seed = iteration number), untraced: the
     * wall time of the measured part, the virtual time it covered per wall second (zero where the
     * workload sets no timer: running code takes no virtual time), and the workload's own figures
     * (all its processes sharing the one thread that drives the simulation) but a start time in ms,
     * which is the wall time again.
     */
    SIMULATED("simulated");

    final String label;

    Mode(String label) {
        this.label = label;
    }

    Scheduler scheduler(long seed) {
        return switch (this) {
            case SIMULATED -> Simulations.executor(seed);
            case OWN_CARRIER -> Scheduler.real(1);
            case REAL, TRACED -> Scheduler.real();
        };
    }

    Tracing tracing() {
        return this == TRACED ? Tracing.ON : Tracing.OFF;
    }

    /** The figures of one iteration in this mode. */
    List<Metric> figures(Sample sample) {
        if (this != SIMULATED) {
            return sample.metrics();
        }
        List<Metric> figures = new ArrayList<>(List.of(new Metric("wall", "ms/run", sample.wallNanos() / 1e6),
                new Metric("virtual time", "s per wall s", (double) sample.schedulerNanos() / sample.wallNanos())));
        sample.metrics().stream().filter(metric -> !metric.unit().equals("ms")).forEach(figures::add);
        return figures;
    }
}
