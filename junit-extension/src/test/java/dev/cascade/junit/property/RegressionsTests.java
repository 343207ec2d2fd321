package dev.cascade.junit.property;

import dev.cascade.chaos.Fault;
import dev.cascade.junit.property.fixtures.RegressionReplays;
import dev.cascade.spec.PlanFile;
import dev.cascade.spec.Trial;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** @CascadeRegressions replays every plan file of its folder as its own test, named after the file. */
class RegressionsTests {
    private static final Path FOLDER = Path.of("target", "cascade", "test-regressions");

    @BeforeEach
    void emptyFolder() throws IOException {
        if (Files.exists(FOLDER)) {
            try (Stream<Path> files = Files.walk(FOLDER)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        Files.createDirectories(FOLDER);
    }

    private static void plan(String name, dev.cascade.chaos.FaultPlan faults) {
        new PlanFile(name, new Trial(faults, 0), Duration.ofSeconds(5), List.of("isolation(root/gateway, root/ledger)"), "")
                .writeTo(FOLDER);
    }

    private static Events replay() {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(RegressionReplays.class)).execute().testEvents();
    }

    @Test
    void each_plan_file_is_its_own_test_and_a_regression_fails_with_its_verdict() {
        plan("a-one-crash", dev.cascade.chaos.FaultPlan.now(Fault.raise("root/gateway/auth", "boom")));
        plan("b-two-crashes", dev.cascade.chaos.FaultPlan.builder()
                .at(Duration.ZERO, Fault.raise("root/gateway/auth", "boom"))
                .at(Duration.ofMillis(100), Fault.raise("root/gateway/session", "boom")).build());

        Events events = replay();

        events.assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
        assertThat(events.started().list()).extracting(event -> event.getTestDescriptor().getDisplayName())
                .containsExactly("a-one-crash.json", "b-two-crashes.json");
        assertThat(events.failed().list().getFirst().getTestDescriptor().getDisplayName()).isEqualTo("b-two-crashes.json");
        assertThat(events.failed().list().getFirst().getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow())
                .hasMessageStartingWith("FAIL isolation(root/gateway, root/ledger)");
    }

    @Test
    void a_broken_plan_file_fails_its_own_test_with_the_location_of_the_error() throws IOException {
        Files.writeString(FOLDER.resolve("broken.json"), """
                {"format": "cascade-plan/1", "name": "broken", "seed": 0, "settle_ms": 100, "specs": [],
                 "faults": [{"at_ms": 0, "target": "root/gateway/auth", "kind": "explode"}]}""");

        Events events = replay();

        events.assertStatistics(stats -> stats.failed(1));
        assertThat(events.failed().list().getFirst().getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow())
                .hasMessageContaining("broken.json: faults[0].kind: expected one of raise, stop");
    }

    @Test
    void an_empty_folder_runs_no_test() {
        replay().assertStatistics(stats -> stats.started(0).failed(0));
    }
}
