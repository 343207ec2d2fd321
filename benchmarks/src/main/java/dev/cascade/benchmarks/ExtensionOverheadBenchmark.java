package dev.cascade.benchmarks;

import dev.cascade.benchmarks.junit.ChaosBody;
import dev.cascade.benchmarks.junit.WithExtension;
import dev.cascade.benchmarks.junit.WithoutExtension;
import dev.cascade.chaos.ChaosTree;
import dev.cascade.runtime.Scheduler;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Issue 15's figure: what the JUnit extension costs per simulated test. The body — start a 3-worker tree,
 * kill one worker, assert it was restarted once, close — runs 100 times per operation through the JUnit
 * Platform launcher, once as a {@code @CascadeTest} ({@link WithExtension}: parameter, seed, checks, result
 * record on disk) and once as plain JUnit tests that start and close the tree themselves
 * ({@link WithoutExtension}); the difference per test is the extension's overhead (goal: under 2 ms).
 * {@code bare} is the body alone, without JUnit. Times are per test (JMH's average time per operation,
 * divided by the 100 tests of an operation). Every operation checks that all 100 tests passed.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 9, time = 2)
@Fork(value = 1, jvmArgsAppend = {Simulations.OPEN_JAVA_LANG, "-XX:+EnableDynamicAgentLoading", "-Dnet.bytebuddy.safe=true",
        "-Xms1g", "-Xmx1g"})
public class ExtensionOverheadBenchmark {

    @State(Scope.Benchmark)
    public static class Junit {
        Launcher launcher;
        Path output;
        long seed;

        @Setup
        public void start() throws IOException {
            launcher = LauncherFactory.create();
            output = Files.createTempDirectory("cascade-bench");
        }

        void run(Class<?> tests) {
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(tests))
                    .configurationParameter("cascade.outputDir", output.toString()).build();
            SummaryGeneratingListener listener = new SummaryGeneratingListener();
            launcher.execute(request, listener);
            TestExecutionSummary summary = listener.getSummary();
            if (summary.getTestsSucceededCount() != WithExtension.TESTS) {
                StringWriter text = new StringWriter();
                summary.printFailuresTo(new PrintWriter(text), 20);
                throw new IllegalStateException("expected " + WithExtension.TESTS + " passing tests: " + text);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(WithExtension.TESTS)
    public void withExtension(Junit junit) {
        junit.run(WithExtension.class);
    }

    @Benchmark
    @OperationsPerInvocation(WithExtension.TESTS)
    public void withoutExtension(Junit junit) {
        junit.run(WithoutExtension.class);
    }

    @Benchmark
    public void bare(Junit junit) {
        try (ChaosTree tree = ChaosTree.builder(ChaosBody.tree()).scheduler(Scheduler.simulated(junit.seed++)).start()) {
            ChaosBody.breakAndCheck(tree);
        }
    }
}
