package dev.cascade.benchmarks;

import dev.cascade.campaign.Campaign;
import dev.cascade.campaign.CampaignResult;
import dev.cascade.campaign.Progress;
import dev.cascade.campaign.Shard;
import dev.cascade.scenario.Scenario;
import dev.cascade.scenario.ScenarioReader;
import dev.cascade.spec.ScenarioSpecs;
import dev.cascade.spec.SpecSyntax;
import dev.cascade.spec.plan.PlanSpace;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Issue 20's figures, from one run of a timed main: runs per second of a campaign over
 * scenario-format.md's example tree ({@code scenarios/examples/cache-crash.json}) with plans of up
 * to 8 faults of every kind, on 1 and on 2 threads (goal: at least 1.8x on 2 cores), then the same
 * campaign as 4 shards run one after another against unsplit. The spec,
 * {@code maxRestarts(root/db, 100)}, never fails here, so no shrinking is timed.
 *
 * <p>Each line gives the wall time and, beside it, where the process's CPU went: the CPU time of
 * the whole process, of the campaign's worker threads and of its writer (the calling thread), the
 * time the JIT spent compiling and the collector's pauses; what the process uses beyond its workers
 * is what a second worker competes with for the second core.
 * The rounds alternate 1, 2, 1, 2, … threads after a warm-up of {@code 4 x ITERATIONS} runs (the
 * JIT compiles for tens of thousands of runs: a round measured before that has the compiler on the
 * second core and flatters 1 thread). For the JVM on 1 core against 2 cores run it under
 * {@code taskset -c 0} and {@code taskset -c 0,1}.
 *
 * <pre>{@code java --add-opens=java.base/java.lang=ALL-UNNAMED -cp benchmarks/target/benchmarks.jar dev.cascade.benchmarks.CampaignFigures [ITERATIONS] [ROUNDS]}</pre>
 */
public final class CampaignFigures {
    private CampaignFigures() {}

    public static void main(String[] args) throws IOException {
        long iterations = args.length > 0 ? Long.parseLong(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Scenario scenario = ScenarioReader.read(Path.of(Files.exists(Path.of("scenarios")) ? "scenarios/examples/cache-crash.json" : "examples/cache-crash.json"));
        Campaign campaign = Campaign.of(scenario, List.of(SpecSyntax.parse("maxRestarts(root/db, 100)")))
                .space(PlanSpace.over(ScenarioSpecs.outline(scenario)).maxFaults(8)).seed(1).iterations(0, iterations);
        Path out = Files.createTempDirectory("campaign-figures");
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "%d core(s) for the JVM, %s; %d runs per line%n", cores,
                ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).toList(), iterations);
        measure("warm-up, 2 threads", () -> campaign.threads(2).iterations(0, 4 * iterations).run(out.resolve("warm-up"), Progress.none()),
                4 * iterations);
        List<Double> one = new ArrayList<>();
        List<Double> two = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            one.add(measure("threads 1", () -> campaign.threads(1).run(out.resolve("t1"), Progress.none()), iterations));
            two.add(measure("threads 2", () -> campaign.threads(2).run(out.resolve("t2"), Progress.none()), iterations));
        }
        System.out.printf(Locale.ROOT, "median runs/s: 1 thread %.0f, 2 threads %.0f = %.2fx%n", median(one), median(two), median(two) / median(one));
        measure("unsplit, 2 threads", () -> campaign.threads(2).run(out.resolve("whole"), Progress.none()), iterations);
        measure("4 shards one after another, 2 threads", () -> {
            CampaignResult last = null;
            for (int i = 0; i < 4; i++) {
                last = campaign.threads(2).shard(new Shard(i, 4, "figures")).run(out.resolve("shard-" + i), Progress.none());
            }
            return last;
        }, iterations);
    }

    private interface Run {
        CampaignResult run();
    }

    private static double measure(String what, Run run, long iterations) {
        Usage before = Usage.now();
        long start = System.nanoTime();
        run.run();
        double wall = (System.nanoTime() - start) / 1e9;
        Usage used = Usage.now().minus(before);
        System.out.printf(Locale.ROOT, "%-38s %6.2f s wall = %6.0f runs/s | CPU s: process %5.2f, workers %5.2f, writer %4.2f | JIT compiling %5.2f s, GC paused %4.2f s | %4.2f cores busy%n",
                what, wall, iterations / wall, used.process, used.workers, used.writer, used.jit, used.gcPauses, used.process / wall);
        return iterations / wall;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2) : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
    }

    /**
     * CPU seconds of the process, of the campaign's worker threads and of the thread that runs the
     * campaign (it writes the results in order), seconds the JIT compiled, seconds the collector paused.
     */
    private record Usage(double process, double workers, double writer, double jit, double gcPauses) {
        static Usage now() {
            double process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
            double jit = ManagementFactory.getCompilationMXBean().getTotalCompilationTime() / 1e3;
            double gc = ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum() / 1e3;
            return new Usage(process, Workers.cpu(), ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1e9, jit, gc);
        }

        Usage minus(Usage earlier) {
            return new Usage(process - earlier.process, workers - earlier.workers, writer - earlier.writer, jit - earlier.jit,
                    gcPauses - earlier.gcPauses);
        }
    }
}
