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
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Issue 20's figures, from one run of a timed main: runs per second of a campaign over
 * scenario-format.md's example tree ({@code scenarios/examples/cache-crash.json}) with plans of up
 * to 8 faults of every kind, on 1 and on 2 threads (goal: at least 1.8x on 2 cores), with the
 * process's CPU time beside the wall time (on a shared machine the wall time shows the CPU share
 * the process got, the CPU time what the runs cost); then the same campaign as 4 shards run one
 * after another against unsplit. The spec, {@code maxRestarts(root/db, 100)}, never fails here, so
 * no shrinking is timed.
 *
 * <pre>{@code java --add-opens=java.base/java.lang=ALL-UNNAMED -cp benchmarks/target/benchmarks.jar dev.cascade.benchmarks.CampaignFigures [ITERATIONS]}</pre>
 */
public final class CampaignFigures {
    private CampaignFigures() {}

    public static void main(String[] args) throws IOException {
        long iterations = args.length > 0 ? Long.parseLong(args[0]) : 6000;
        Scenario scenario = ScenarioReader.read(Path.of(Files.exists(Path.of("scenarios")) ? "scenarios/examples/cache-crash.json" : "examples/cache-crash.json"));
        Campaign campaign = Campaign.of(scenario, List.of(SpecSyntax.parse("maxRestarts(root/db, 100)")))
                .space(PlanSpace.over(ScenarioSpecs.outline(scenario)).maxFaults(8)).seed(1).iterations(0, iterations);
        Path out = Files.createTempDirectory("campaign-figures");
        campaign.threads(2).iterations(0, iterations / 2).run(out.resolve("warm-up"), Progress.none());
        for (int threads : new int[] {1, 2, 1, 2}) {
            measure("threads " + threads, () -> campaign.threads(threads).run(out.resolve("t" + threads), Progress.none()), iterations);
        }
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

    private static void measure(String what, Run run, long iterations) {
        long cpu = processCpu();
        long start = System.nanoTime();
        run.run();
        double wall = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (processCpu() - cpu) / 1e9;
        System.out.printf(Locale.ROOT, "%-40s %d runs in %.2f s wall = %.0f runs/s; %.2f s CPU = %.0f runs per CPU-second%n",
                what, iterations, wall, iterations / wall, cpuSeconds, iterations / cpuSeconds);
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
