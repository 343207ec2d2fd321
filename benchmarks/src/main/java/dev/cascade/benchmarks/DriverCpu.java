package dev.cascade.benchmarks;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * CPU time of the benchmark thread per operation over the measurement iterations, printed at the
 * end of the trial ({@code # driver CPU: ...}). On the executor backend every simulated process runs
 * on the thread that drives the simulation, so this is the simulation's whole single-core cost (GC
 * and JIT threads aside) and, unlike the wall-clock score, it hardly moves when other processes load
 * the machine: a large gap between the two means the run was descheduled. Meaningless for the real
 * scheduler, whose processes run on other threads.
 */
@State(Scope.Thread)
public class DriverCpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private boolean measuring;
    private long cpuNanos;
    private long operations;

    @Setup(Level.Iteration)
    public void iteration(IterationParams iteration) {
        measuring = iteration.getType() == IterationType.MEASUREMENT;
    }

    @TearDown(Level.Trial)
    public void report(BenchmarkParams benchmark) {
        double perOp = (double) cpuNanos / operations;
        System.out.printf(Locale.ROOT, "%n# driver CPU: %.1f ns/op, %.0f ops per CPU-second (%s, %d ops measured)%n",
                perOp, 1e9 / perOp, benchmark.getBenchmark(), operations);
    }

    long start() {
        return THREADS.getCurrentThreadCpuTime();
    }

    /** Counts {@code count} operations since {@code start} (in measurement iterations) and passes {@code result} through. */
    <T> T stop(long start, int count, T result) {
        if (measuring) {
            cpuNanos += THREADS.getCurrentThreadCpuTime() - start;
            operations += count;
        }
        return result;
    }
}
