package dev.cascade.junit;

import dev.cascade.chaos.ChaosTree;
import dev.cascade.chaos.Fault;
import dev.cascade.chaos.FaultPlan;
import dev.cascade.junit.examples.shop.Cache;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.SupervisorSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.cascade.runtime.Pid;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Eight chaos tests at once: each test's checks see only what it started. */
class ParallelTests {
    @TempDir
    Path folder;

    static final CyclicBarrier ALL_EIGHT = new CyclicBarrier(8);

    @CascadeTest
    static class Eight {
        @Tree
        static SupervisorSpec workers() {
            SupervisorSpec spec = SupervisorSpec.oneForOne().withIntensity(10, Duration.ofSeconds(1));
            for (int i = 0; i < 8; i++) {
                spec = spec.withChild(ChildSpec.worker("w" + i, Cache::new));
            }
            return spec;
        }

        /** Even tests' faults fire; odd tests' come too late and must fail those tests only. */
        static void run(ChaosTree tree, int i) throws InterruptedException, BrokenBarrierException, TimeoutException {
            ALL_EIGHT.await(60, TimeUnit.SECONDS); // proof that all eight run at once
            Duration at = i % 2 == 0 ? Duration.ofMillis(10) : Duration.ofSeconds(10);
            tree.apply(FaultPlan.builder().at(at, Fault.kill("root/w" + i)).build());
            tree.runFor(Duration.ofSeconds(1));
        }

        @Test void t0(ChaosTree tree) throws Exception { run(tree, 0); }
        @Test void t1(ChaosTree tree) throws Exception { run(tree, 1); }
        @Test void t2(ChaosTree tree) throws Exception { run(tree, 2); }
        @Test void t3(ChaosTree tree) throws Exception { run(tree, 3); }
        @Test void t4(ChaosTree tree) throws Exception { run(tree, 4); }
        @Test void t5(ChaosTree tree) throws Exception { run(tree, 5); }
        @Test void t6(ChaosTree tree) throws Exception { run(tree, 6); }
        @Test void t7(ChaosTree tree) throws Exception { run(tree, 7); }
    }

    static Kit parallel(Path folder) {
        return new Kit(folder)
                .with("junit.jupiter.execution.parallel.enabled", "true")
                .with("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .with("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .with("junit.jupiter.execution.parallel.config.fixed.parallelism", "8")
                .with("junit.jupiter.execution.parallel.config.fixed.max-pool-size", "8");
    }

    @Test
    void eight_concurrent_tests_keep_their_checks_to_themselves() {
        ALL_EIGHT.reset();
        EngineExecutionResults results = parallel(folder).run(Eight.class);

        results.testEvents().assertStatistics(stats -> stats.started(8).succeeded(4).failed(4));
        List<String> failures = Kit.failures(results).stream().map(Throwable::getMessage).toList();
        for (String failure : failures) {
            int own = Integer.parseInt(failure.replaceAll("(?s).*-Dtest='ParallelTests\\$Eight#t(\\d)'.*", "$1"));
            assertThat(own % 2).as("only odd tests fail").isEqualTo(1);
            assertThat(failure).contains("✗ #1 at 10000 ms kill root/w" + own + ": skipped");
            IntStream.range(0, 8).filter(other -> other != own)
                    .forEach(other -> assertThat(failure).doesNotContain("root/w" + other + ":"));
        }
    }

    static final CyclicBarrier EIGHT_REAL = new CyclicBarrier(8);

    /** Eight real-mode tests at once; t3 leaves a process on its tree's node, the others work their trees to the end. */
    @CascadeTest(mode = CascadeTest.Mode.REAL)
    static class EightReal {
        @Tree
        static SupervisorSpec workers() {
            return Eight.workers();
        }

        static void run(ChaosTree tree, int i) throws InterruptedException, BrokenBarrierException, TimeoutException {
            EIGHT_REAL.await(60, TimeUnit.SECONDS);
            tree.inject(Fault.kill("root/w" + i));
            tree.call("root/w" + (7 - i), new Cache.Get("k"));
            if (i == 3) {
                Pid leak = tree.node().run(ctx -> ctx.spawn(LeftoverTests::forever));
                LeftoverTests.awaitWaiting(tree.node(), leak);
            }
        }

        @Test void t0(ChaosTree tree) throws Exception { run(tree, 0); }
        @Test void t1(ChaosTree tree) throws Exception { run(tree, 1); }
        @Test void t2(ChaosTree tree) throws Exception { run(tree, 2); }
        @Test void t3(ChaosTree tree) throws Exception { run(tree, 3); }
        @Test void t4(ChaosTree tree) throws Exception { run(tree, 4); }
        @Test void t5(ChaosTree tree) throws Exception { run(tree, 5); }
        @Test void t6(ChaosTree tree) throws Exception { run(tree, 6); }
        @Test void t7(ChaosTree tree) throws Exception { run(tree, 7); }
    }

    @Test
    void of_eight_concurrent_real_mode_tests_only_the_one_that_leaked_a_process_is_told_of_it() {
        EIGHT_REAL.reset();
        EngineExecutionResults results = parallel(folder).run(EightReal.class);

        results.testEvents().assertStatistics(stats -> stats.started(8).succeeded(8));
        List<Event> warnings = results.testEvents().reportingEntryPublished().stream()
                .filter(event -> event.getRequiredPayload(ReportEntry.class).getKeyValuePairs().containsKey("cascade.warning")).toList();
        assertThat(warnings).singleElement().satisfies(event -> {
            assertThat(event.getTestDescriptor().getDisplayName()).startsWith("t3(");
            assertThat(event.getRequiredPayload(ReportEntry.class).getKeyValuePairs().get("cascade.warning"))
                    .startsWith("left behind: 1 process still running on the node of tree workers, after the tree stopped")
                    .contains("waiting in receive at LeftoverTests.forever(")
                    .doesNotContain("root/");
        });
    }
}
