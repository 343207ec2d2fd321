package dev.cascade.junit.property;

import dev.cascade.chaos.Fault;
import dev.cascade.chaos.FaultPlan;
import dev.cascade.junit.property.fixtures.PlantedProperties;
import dev.cascade.junit.property.fixtures.Trees;
import dev.cascade.spec.CascadeSpec;
import dev.cascade.spec.PlanFile;
import dev.cascade.spec.Trial;
import dev.cascade.supervisor.SupervisorSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

/**
 * A planted bug is found among plans of up to 8 faults and shrunk exactly to the faults that
 * cause it; the failure's plan file holds that plan. Run through jqwik's engine, as a build runs it.
 */
class PlantedBugTests {
    @TempDir
    Path failures;

    @BeforeEach
    void collectFailuresHere() {
        PlantedProperties.failures = failures;
    }

    private Events run(String property) {
        return EngineTestKit.engine("jqwik")
                .selectors(selectMethod(PlantedProperties.class, property, FaultPlan.class.getName().replace("chaos", "junit")))
                .execute().testEvents();
    }

    private Trial onlyPlanFile(String property) throws IOException {
        try (Stream<Path> files = Files.list(failures)) {
            List<Path> written = files.toList();
            assertThat(written).hasSize(1);
            assertThat(written.getFirst().getFileName().toString()).matches(property + "-[0-9a-f]{8}\\.json");
            return PlanFile.read(written.getFirst()).trial();
        }
    }

    private static boolean fails(SupervisorSpec tree, CascadeSpec spec, Trial trial) {
        return spec.check(trial.run(tree, Duration.ofSeconds(5))).failed();
    }

    @Test
    void a_rest_for_one_ordering_mistake_is_found_and_shrunk_to_exactly_the_two_crashes_that_escalate_the_gateway() throws IOException {
        Events events = run("gatewayCrashesNeverTouchLedger");

        events.assertStatistics(stats -> stats.failed(1));
        Throwable failure = events.failed().list().getFirst().getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .orElseThrow().getThrowable().orElseThrow();
        assertThat(failure).hasMessageStartingWith("FAIL isolation(root/gateway, root/ledger): a fault under root/gateway caused")
                .hasMessageContaining("→ root/gateway#1 gave up (2 restarts > intensity 1 in 5 s)")
                .hasMessageContaining("smallest failing plan (shrunk to 2 fault(s) in ");
        Trial shrunk = onlyPlanFile("gatewayCrashesNeverTouchLedger");
        List<FaultPlan.Timed> faults = shrunk.plan().faults();
        assertThat(shrunk.seed()).isZero();
        assertThat(faults).hasSize(2).allSatisfy(timed -> assertThat(timed.fault()).isInstanceOf(Fault.Raise.class)
                .extracting(Fault::target).asString().startsWith("root/gateway/"));
        assertThat(faults.getFirst().at()).isZero();
        CascadeSpec isolation = CascadeSpec.isolation("root/gateway", "root/ledger");
        assertThat(fails(Trees.plantedPayments(), isolation, shrunk)).isTrue();
        for (FaultPlan.Timed alone : faults) {
            assertThat(fails(Trees.plantedPayments(), isolation, new Trial(FaultPlan.builder().at(alone.at(), alone.fault()).build(), 0)))
                    .as("%s alone keeps the ledger isolated", alone.fault().describe()).isFalse();
        }
    }

    @Test
    void a_bounded_recovery_breach_is_shrunk_to_exactly_a_crash_and_the_slow_start_of_its_restart() throws IOException {
        Events events = run("shopRecoversWithinOneSecond");

        events.assertStatistics(stats -> stats.failed(1));
        Trial shrunk = onlyPlanFile("shopRecoversWithinOneSecond");
        List<FaultPlan.Timed> faults = shrunk.plan().faults();
        assertThat(shrunk.seed()).isZero();
        assertThat(faults).hasSize(2).allSatisfy(timed -> assertThat(timed.at()).isZero());
        Fault.SlowStart slow = faults.stream().map(FaultPlan.Timed::fault).filter(Fault.SlowStart.class::isInstance)
                .map(Fault.SlowStart.class::cast).findFirst().orElseThrow();
        Fault.Raise crash = faults.stream().map(FaultPlan.Timed::fault).filter(Fault.Raise.class::isInstance)
                .map(Fault.Raise.class::cast).findFirst().orElseThrow();
        assertThat(slow).isEqualTo(Fault.slowStart(crash.target(), Duration.ofSeconds(2), 2));
    }
}
