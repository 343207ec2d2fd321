package dev.cascade.benchmarks.suite;

import dev.cascade.benchmarks.CacheCrashBenchmark;
import dev.cascade.benchmarks.ExampleScenario;
import dev.cascade.benchmarks.GeneratedScenario;
import dev.cascade.benchmarks.GeneratedScenarioBenchmark;
import dev.cascade.scenario.Scenario;
import dev.cascade.scenario.ScenarioRunner;
import dev.cascade.simulation.SimulatedScheduler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

/**
 * Simulation throughput (issue 6, item 4), measured by the JMH benchmarks that already exist:
 * {@link CacheCrashBenchmark#simulated} (runs/s of scenario-format.md's example) and
 * {@link GeneratedScenarioBenchmark#simulated} (ms per run of the generated 60-s scenario: 3
 * supervisors, 20 workers, 50 faults), each in one forked JVM with {@value #WARM_UPS} warm-up
 * iterations of 2 s and {@value #ITERATIONS} measured iterations of 1 s, instead of their
 * annotations' longer ones. Both benchmarks check their runs' outcomes in their setup. Each
 * iteration's score gives runs/s, wall ms per run, and virtual time per wall second: runs/s times
 * the virtual time one run covers, read from the simulation's clock after a run from seed 0.
 */
final class Scenarios {
    static final int WARM_UPS = 3;
    static final int ITERATIONS = 9;

    /** A scenario benchmark: its name in the summary, its JMH regex, its scenario, and how its score becomes runs/s. */
    record Bench(String name, String description, String regex, Scenario scenario, DoubleUnaryOperator runsPerSecond) {
        String jobName() {
            return name + " " + Mode.SIMULATED.label;
        }
    }

    private Scenarios() {}

    static List<Bench> benches() {
        return List.of(
                new Bench("cache-crash", "runs of scenario-format.md's example (cache-crash.json)",
                        CacheCrashBenchmark.class.getName() + "\\.simulated$", ExampleScenario.cacheCrash(), score -> score),
                new Bench("generated-60s", "runs of the generated 60-s scenario: 3 supervisors, 20 workers, 50 faults",
                        GeneratedScenarioBenchmark.class.getName() + "\\.simulated$",
                        GeneratedScenario.lasting(GeneratedScenarioBenchmark.LENGTH), msPerRun -> 1_000 / msPerRun));
    }

    static List<Entry> run(Bench bench) throws RunnerException {
        double loadBefore = Forks.load();
        SimulatedScheduler clock = SimulatedScheduler.withSeed(0);
        ScenarioRunner.run(bench.scenario(), clock);
        double virtualSeconds = clock.now().toNanos() / 1e9;
        List<Double> runs = new ArrayList<>();
        for (RunResult result : new Runner(new OptionsBuilder().include(bench.regex())
                .warmupIterations(WARM_UPS).warmupTime(TimeValue.seconds(2))
                .measurementIterations(ITERATIONS).measurementTime(TimeValue.seconds(1))
                .forks(1).verbosity(VerboseMode.SILENT).build()).run()) {
            for (BenchmarkResult benchmark : result.getBenchmarkResults()) {
                for (IterationResult iteration : benchmark.getIterationResults()) {
                    runs.add(bench.runsPerSecond().applyAsDouble(iteration.getPrimaryResult().getScore()));
                }
            }
        }
        if (runs.size() != ITERATIONS) {
            throw new IllegalStateException(bench.regex() + " gave " + runs.size() + " iterations, not " + ITERATIONS);
        }
        System.out.printf(Locale.ROOT, "    %s: %s runs/s; one run covers %.3f s of virtual time%n", bench.jobName(),
                runs.stream().map(Figures::format).toList(), virtualSeconds);
        double loadAfter = Forks.load();
        return List.of(
                entry(bench, "runs", "runs/s", runs, loadBefore, loadAfter),
                entry(bench, "wall", "ms/run", runs.stream().map(r -> 1_000 / r).toList(), loadBefore, loadAfter),
                entry(bench, "virtual time", "s per wall s", runs.stream().map(r -> r * virtualSeconds).toList(),
                        loadBefore, loadAfter));
    }

    private static Entry entry(Bench bench, String metric, String unit, List<Double> values, double loadBefore, double loadAfter) {
        return new Entry(bench.name(), bench.description(), Mode.SIMULATED.label, metric, unit, values,
                Plan.goal(bench.name(), Mode.SIMULATED.label, metric), loadBefore, loadAfter);
    }
}
