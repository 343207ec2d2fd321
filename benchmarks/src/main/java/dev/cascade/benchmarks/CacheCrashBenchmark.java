package dev.cascade.benchmarks;

import dev.cascade.runtime.Scheduler;
import dev.cascade.scenario.Outcome;
import dev.cascade.scenario.Scenario;
import dev.cascade.scenario.ScenarioRunner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Issue 3, figure 3: runs per second of scenario-format.md's example ({@code cache-crash.json}:
 * 5 nodes, 2 faults, 300 ms of faults plus 500 ms of settling), from a fresh scheduler and node to
 * the outcome. The file is read once, in the setup; the outcome is checked against
 * {@code cache-crash.outcome.json} there too (simulated: a mismatch fails the benchmark; real: it
 * prints a warning with the outcome). Goal (simulated): at least 5,000 runs/s.
 *
 * <ul>
 *   <li>{@code simulated}: each run with the next seed; also CPU time per op ({@link DriverCpu});</li>
 *   <li>{@code real}: about 0.8 s per run, bounded by the scenario's own times; the JIT is warmed by
 *       simulated runs in the setup, as the few real runs of one iteration would not.</li>
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {Simulations.OPEN_JAVA_LANG, "-Xms1g", "-Xmx1g"})
public class CacheCrashBenchmark {
    private static final int JIT_WARM_UP_RUNS = 5_000;

    /** The example, read and checked once on a simulation, and the next seed. */
    @State(Scope.Thread)
    public static class Example {
        Scenario scenario;
        long seed;

        @Setup
        public void read() {
            scenario = ExampleScenario.cacheCrash();
            ExampleScenario.requireDocumentedOutcome(ScenarioRunner.run(scenario, Simulations.executor(seed++)));
        }
    }

    /** The example, with the code it runs already compiled by simulated runs. */
    @State(Scope.Thread)
    public static class WarmExample extends Example {
        @Setup
        public void warmUp() {
            for (int i = 0; i < JIT_WARM_UP_RUNS; i++) {
                ScenarioRunner.run(scenario, Simulations.executor(seed++));
            }
            ExampleScenario.warnUnlessDocumented(ScenarioRunner.run(scenario, Scheduler.real()));
        }
    }

    @Benchmark
    @Warmup(iterations = 5, time = 3)
    @Measurement(iterations = 5, time = 2)
    public Outcome simulated(Example example, DriverCpu cpu) {
        long start = cpu.start();
        return cpu.stop(start, 1, ScenarioRunner.run(example.scenario, Simulations.executor(example.seed++)));
    }

    @Benchmark
    @Warmup(iterations = 0)
    @Measurement(iterations = 3, time = 5)
    public Outcome real(WarmExample example) {
        return ScenarioRunner.run(example.scenario, Scheduler.real());
    }
}
