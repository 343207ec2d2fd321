package dev.cascade.simulation;

import dev.cascade.runtime.Node;
import dev.cascade.runtime.RuntimeListener;
import dev.cascade.simulation.internal.BackendSelection;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 3 item 6: the executor backend where java.lang is open, baton passing elsewhere; the run says which ran. */
class BackendTests {

    @Test
    void with_the_add_opens_flag_the_default_backend_is_the_simulators_executor_and_the_run_says_so() {
        SimulatedScheduler sim = SimulatedScheduler.withSeed(1);
        assertThat(BackendSelection.executorAvailable()).as("Surefire passes --add-opens").isTrue();
        assertThat(sim.backend()).isEqualTo(Backend.EXECUTOR);
        assertThat(sim.description()).contains("seed 1").contains("executor");
        assertThat(sim.report().summary()).contains("executor backend");
    }

    private static List<String> steps(Backend backend) {
        SimulatedScheduler sim = SimulatedScheduler.builder().seed(77).backend(backend).recordSteps(true).build();
        List<String> results = NondeterminismTestsAccess.gossip(sim);
        assertThat(results).hasSize(100);
        assertThat(sim.report().reproducible()).isTrue();
        return sim.stepLog();
    }

    @Test
    void both_backends_take_the_same_steps_for_the_same_seed() {
        List<String> executor = steps(Backend.EXECUTOR);
        List<String> baton = steps(Backend.BATON);
        assertThat(baton).isEqualTo(executor);
    }

    @Test
    void the_baton_backend_reports_a_process_blocked_outside_the_runtime_and_still_finishes_the_run() {
        SimulatedScheduler sim = SimulatedScheduler.builder().seed(1).backend(Backend.BATON).build();
        CountDownLatch latch = new CountDownLatch(1);
        try (Node node = Node.start(sim, RuntimeListener.NONE)) {
            String result = node.run(ctx -> {
                ctx.spawn(opener -> {
                    opener.sleep(Duration.ofSeconds(1));
                    latch.countDown();
                });
                latch.await(); // outside the runtime: the baton cannot come back from here
                return "opened";
            });
            assertThat(result).isEqualTo("opened");
        }
        assertThat(sim.report().nondeterminism()).singleElement().satisfies(cause -> {
            assertThat(cause.kind()).isEqualTo(Nondeterminism.Kind.BLOCKED_OUTSIDE_RUNTIME);
            assertThat(cause.detail()).contains("CountDownLatch.await").contains("BackendTests.lambda$");
        });
    }

    @Test
    void without_the_flag_simulations_run_on_baton_passing_after_one_message_naming_the_flag_and_where_to_put_it()
            throws IOException, InterruptedException {
        Path err = Files.createTempFile("no-flag", ".err");
        Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), NoFlagProbe.class.getName())
                .redirectError(err.toFile())
                .start();
        String out = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(jvm.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String messages = Files.readString(err);
        Files.delete(err);
        assertThat(out.lines().filter(line -> line.equals("ran on BATON at 1000 ms"))).hasSize(3);
        assertThat(out).contains("refused: Cascade's executor backend for simulations needs --add-opens=java.base/java.lang=ALL-UNNAMED");
        String flagLine = "<argLine>@{argLine} --add-opens=java.base/java.lang=ALL-UNNAMED</argLine>";
        assertThat(messages).containsOnlyOnce("baton-passing backend").contains(flagLine).contains("jvmArgs");
    }
}
