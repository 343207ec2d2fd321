package dev.cascade.benchmarks;

import dev.cascade.spec.plan.FaultKind;
import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.InitResult;
import dev.cascade.genserver.Result;
import dev.cascade.junit.Cascade;
import dev.cascade.junit.FaultPlan;
import dev.cascade.junit.FaultPlans;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.spec.CascadeSpec;
import dev.cascade.spec.Shrinker;
import dev.cascade.spec.TreeOutline;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.Restart;
import dev.cascade.supervisor.Shutdown;
import dev.cascade.supervisor.SupervisorSpec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Issue 16's figures, from one run of a timed main (one thread, so one core):
 * <ol>
 *   <li>tries per second of a property over scenario-format.md's example tree (built in Java with
 *       the same shape, strategies, intensities, restart types and shutdowns; {@code api}'s
 *       {@code init.fail_on} is left out, start faults being among the drawn kinds) with plans of up to
 *       8 faults of every kind: each try draws a plan through jqwik and runs {@code Cascade.check}
 *       with {@code containedByStrategy()} (goal: at least 2,000 per second);</li>
 *   <li>time and runs to shrink the planted two-fault isolation failure (a rest-for-one ordering
 *       mistake) from 8-fault plans (goal: under 1 s), over 20 failing plans.</li>
 * </ol>
 *
 * <pre>{@code java --add-opens=java.base/java.lang=ALL-UNNAMED -cp benchmarks/target/benchmarks.jar dev.cascade.benchmarks.PropertyFigures}</pre>
 */
public final class PropertyFigures {
    private PropertyFigures() {}

    /** A worker that only waits. */
    static final class Idle implements GenServer<String> {
        public InitResult<String> init(ProcessContext ctx) {
            return InitResult.ok("idle");
        }

        public Result<String> handleInfo(Object message, String state) {
            return Result.noReply(state);
        }

        public Result<String> handleCast(Object message, String state) {
            return Result.noReply(state);
        }
    }

    static SupervisorSpec cacheCrashTree() {
        SupervisorSpec app = SupervisorSpec.restForOne().withIntensity(1, Duration.ofSeconds(5))
                .withChild(ChildSpec.worker("cache", Idle::new).withRestart(Restart.TRANSIENT).withShutdown(Shutdown.BRUTAL_KILL))
                .withChild(ChildSpec.worker("api", Idle::new).withRestart(Restart.TEMPORARY));
        return SupervisorSpec.oneForOne().withIntensity(3, Duration.ofSeconds(5))
                .withChild(ChildSpec.worker("db", Idle::new))
                .withChild(ChildSpec.supervisor("app", app));
    }

    static SupervisorSpec plantedPayments() {
        return SupervisorSpec.restForOne().withIntensity(10, Duration.ofSeconds(5))
                .withChild(ChildSpec.supervisor("gateway", SupervisorSpec.oneForOne().withIntensity(1, Duration.ofSeconds(5))
                        .withChild(ChildSpec.worker("auth", Idle::new))
                        .withChild(ChildSpec.worker("session", Idle::new))))
                .withChild(ChildSpec.worker("ledger", Idle::new));
    }

    public static void main(String[] args) {
        triesPerSecond();
        shrinking();
    }

    private static void triesPerSecond() {
        SupervisorSpec tree = cacheCrashTree();
        Iterator<FaultPlan> plans = FaultPlans.forTree(tree).maxFaults(8).sampleStream().iterator();
        CascadeSpec spec = CascadeSpec.containedByStrategy();
        for (int i = 0; i < 5_000; i++) {
            Cascade.check(tree, plans.next(), spec);
        }
        for (int round = 1; round <= 3; round++) {
            long start = System.nanoTime();
            long cpu = processCpuNanos();
            int tries = 0;
            int faults = 0;
            while (System.nanoTime() - start < 5_000_000_000L) {
                FaultPlan plan = plans.next();
                faults += plan.faults().faults().size();
                Cascade.check(tree, plan, spec);
                tries++;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (processCpuNanos() - cpu) / 1e9;
            System.out.printf("tries/s (cache-crash tree, up to 8 faults, every kind, containedByStrategy), round %d: %.0f per"
                            + " wall-clock second, %.0f per CPU second of the whole JVM (%d tries, %.1f faults per plan)%n",
                    round, tries / seconds, tries / cpuSeconds, tries, (double) faults / tries);
        }
    }

    /** CPU time of the whole JVM (all threads, GC and JIT included): on a shared machine, the time this run really got. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void shrinking() {
        SupervisorSpec tree = plantedPayments();
        CascadeSpec isolation = CascadeSpec.isolation("root/gateway", "root/ledger");
        Shrinker shrinker = Shrinker.over(TreeOutline.of("root", tree));
        Iterator<FaultPlan> plans = FaultPlans.forTree(tree).targeting("root/gateway").kinds(FaultKind.CRASH).maxFaults(8)
                .sampleStream().filter(plan -> plan.faults().faults().size() == 8)
                .filter(plan -> isolation.check(plan.trial().run(tree, Duration.ofSeconds(5))).failed())
                .iterator();
        for (int i = 0; i < 20; i++) {
            shrinker.shrink(plans.next().trial(), t -> isolation.check(t.run(tree, Duration.ofSeconds(5))).failed());
        }
        List<Long> micros = new ArrayList<>();
        long cpu = processCpuNanos();
        List<Integer> runs = new ArrayList<>();
        int twoFaults = 0;
        for (int i = 0; i < 20; i++) {
            Shrinker.Result result = shrinker.shrink(plans.next().trial(), t -> isolation.check(t.run(tree, Duration.ofSeconds(5))).failed());
            micros.add(result.took().toNanos() / 1000);
            runs.add(result.runs());
            twoFaults += result.trial().plan().faults().size() == 2 ? 1 : 0;
        }
        double cpuMillisEach = (processCpuNanos() - cpu) / 1e6 / 20;
        List<Long> sortedMicros = micros.stream().sorted().toList();
        List<Integer> sortedRuns = runs.stream().sorted().toList();
        System.out.printf("shrink planted 2-fault isolation failure from 8 faults: median %.1f ms wall-clock (max %.1f ms),"
                        + " %.1f ms of JVM CPU time each on average, runs median %d (min %d, max %d); shrunk to exactly 2 faults: %d of 20%n",
                sortedMicros.get(10) / 1000.0, sortedMicros.getLast() / 1000.0, cpuMillisEach, sortedRuns.get(10), sortedRuns.getFirst(),
                sortedRuns.getLast(), twoFaults);
    }
}
