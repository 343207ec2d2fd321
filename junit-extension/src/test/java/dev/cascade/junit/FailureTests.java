package dev.cascade.junit;

import dev.cascade.chaos.ChaosTree;
import dev.cascade.chaos.Fault;
import dev.cascade.junit.examples.shop.Gateway;
import dev.cascade.junit.examples.shop.Ledger;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.SupervisorSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.reporting.FileEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.opentest4j.AssertionFailedError;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static dev.cascade.junit.CascadeAssertions.assertThat;
import static dev.cascade.junit.CascadeAssertions.times;
import static org.assertj.core.api.Assertions.assertThat;

/** A failing chaos test says its seed, how to replay it and what crashed, and leaves its run's files; every test leaves a result record. */
class FailureTests {
    @TempDir
    Path folder;

    @CascadeTest(seed = 5)
    static class Payments {
        @Tree
        static SupervisorSpec payments() {
            return SupervisorSpec.oneForOne().withIntensity(3, Duration.ofSeconds(5))
                    .withChild(ChildSpec.worker("gateway", Gateway::new))
                    .withChild(ChildSpec.worker("ledger", Ledger::new));
        }

        @Test
        void crashLoop(@Tree("payments") ChaosTree tree) {
            tree.inject(Fault.breachIntensity("root/gateway"));
            tree.runFor(Duration.ofSeconds(1));
            assertThat(tree.trace()).process("root/gateway").wasRestarted(times(1));
        }

        @Test
        void calm(@Tree("payments") ChaosTree tree) {
            tree.runFor(Duration.ofSeconds(1));
            assertThat(tree.trace()).supervisor("root").neverGaveUp();
        }

        @Test
        void npe(@Tree("payments") ChaosTree tree) {
            tree.inject(Fault.kill("root/ledger"));
            tree.runFor(Duration.ofMillis(10));
            throw new IllegalStateException("the application's own bug");
        }
    }

    private EngineExecutionResults run(Kit kit, String method) {
        return kit.run(Payments.class); // all three; tests pick theirs
    }

    @Test
    void an_assertion_failure_keeps_its_type_and_diff_and_gains_the_seed_the_replay_command_and_the_explanation() {
        EngineExecutionResults results = run(new Kit(folder), "crashLoop");
        Throwable failure = Kit.failures(results).stream().filter(t -> t.getMessage().contains("process root/gateway")).findFirst().orElseThrow();

        assertThat(failure).isInstanceOf(AssertionFailedError.class);
        assertThat(((AssertionFailedError) failure).getExpected().getValue()).isEqualTo(1);
        assertThat(((AssertionFailedError) failure).getActual().getValue()).isEqualTo(3);
        assertThat(failure.getMessage()).isEqualTo("""
                Expecting process root/gateway:
                  incarnation 4, exited killed at 0 ms
                to have been restarted 1 time
                but it was restarted 3 times (at 0 ms, 0 ms, 0 ms); seed=5

                explanation:
                  root/gateway#4 exited killed (fault intensity breach on root/gateway)

                seed=5 (from @CascadeTest(seed)), simulated
                replay: mvn test -Dtest='FailureTests$Payments#crashLoop' -Dcascade.seed=5
                last crash or loss, in tree payments:
                  root/gateway exited killed 4× at once (fault intensity breach on root/gateway)
                  → root#1 gave up (4 restarts > intensity 3 in 5 s)
                files: %s""".formatted(folder.resolve("cascade").resolve("dev.cascade.junit.FailureTests$Payments.crashLoop")));
    }

    @Test
    void any_other_exception_keeps_its_type_and_carries_the_run_as_a_suppressed_exception() {
        EngineExecutionResults results = run(new Kit(folder), "npe");
        Throwable failure = Kit.failures(results).stream().filter(IllegalStateException.class::isInstance).findFirst().orElseThrow();

        assertThat(failure).hasMessage("the application's own bug");
        assertThat(failure.getSuppressed()).singleElement().extracting(Throwable::getMessage).asString()
                .startsWith("seed=5 (from @CascadeTest(seed)), simulated\nreplay: mvn test -Dtest='FailureTests$Payments#npe' -Dcascade.seed=5\n"
                        + "last crash or loss, in tree payments:\n  root/ledger#1 exited killed (fault kill root/ledger)\nfiles: ");
    }

    @Test
    void a_failing_test_writes_its_run_files_and_publishes_them_a_passing_one_only_its_result_record() throws Exception {
        Kit kit = new Kit(folder);
        EngineExecutionResults results = run(kit, "crashLoop");

        Path failed = kit.output.resolve("dev.cascade.junit.FailureTests$Payments.crashLoop");
        assertThat(failed.resolve("outcome.txt")).content().contains("replay: mvn test", "ledger:", "intensity breach on root/gateway: fired");
        assertThat(dev.cascade.trace.TraceFile.read(failed.resolve("payments.trace.json")).trace()
                .events(dev.cascade.trace.TraceEvent.SupervisorGaveUp.class)).singleElement()
                .satisfies(gaveUp -> assertThat(gaveUp.supervisor().isAt("root")).isTrue());
        assertThat(failed.resolve("payments.html")).content().contains("<html", "FailureTests$Payments#crashLoop' -Dcascade.seed=5");
        assertThat(failed.resolve("payments.chrome-trace.json")).exists();
        assertThat(kit.output.resolve("index.html")).content().contains("FailureTests$Payments#crashLoop");
        assertThat(failed.resolve("failure.txt")).content().startsWith("org.opentest4j.AssertionFailedError: Expecting process root/gateway:");
        assertThat(kit.output.resolve("dev.cascade.junit.FailureTests$Payments.calm")).doesNotExist();
        assertThat(results.allEvents().fileEntryPublished().stream()
                .map(e -> e.getRequiredPayload(FileEntry.class).getPath().getFileName().toString()).distinct().sorted())
                .containsExactly("failure.txt", "outcome.txt", "payments.chrome-trace.json", "payments.html", "payments.trace.json");

        assertThat(kit.read("results/dev.cascade.junit.FailureTests$Payments.calm.json"))
                .contains("\"outcome\": \"passed\"", "\"seed\": 5", "\"files\": []");
        assertThat(kit.read("results/dev.cascade.junit.FailureTests$Payments.crashLoop.json"))
                .contains("\"outcome\": \"failed\"", "\"restarts\": { \"root/gateway\": 3 }", "\"give_ups\": { \"root\": 1 }",
                        "\"files\": [", "\"dev.cascade.junit.FailureTests$Payments.crashLoop/outcome.txt\"");
    }

    @Test
    void with_cascade_report_always_a_passing_test_writes_its_run_files_too() {
        Kit kit = new Kit(folder).with("cascade.report", "always");
        run(kit, "calm");
        assertThat(kit.output.resolve("dev.cascade.junit.FailureTests$Payments.calm").resolve("outcome.txt")).exists();
        assertThat(kit.output.resolve("dev.cascade.junit.FailureTests$Payments.calm").resolve("payments.html")).exists();
        assertThat(kit.output.resolve("index.html")).content().contains("FailureTests$Payments#calm");
    }
}
