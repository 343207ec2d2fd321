package dev.cascade.junit.docs;

import dev.cascade.junit.FaultPlan;
import dev.cascade.junit.property.fixtures.CoverageProperties;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

/** The README's "Specifications and property tests" example runs as written and finds what the README says. */
class ReadmePropertyExampleTests {
    @Test
    void the_north_star_property_finds_that_a_gateway_crash_loop_takes_the_ledger_down_through_the_root() {
        Events events = EngineTestKit.engine("jqwik")
                .selectors(selectMethod(PaymentsProperties.class, "gatewayFaultsNeverTouchLedger", FaultPlan.class.getName()))
                .execute().testEvents();

        events.assertStatistics(stats -> stats.failed(1));
        Throwable failure = events.failed().list().getFirst().getPayload(TestExecutionResult.class).orElseThrow()
                .getThrowable().orElseThrow();
        assertThat(failure.getMessage())
                .startsWith("FAIL isolation(root/gateway, root/ledger): a fault under root/gateway caused")
                .contains("root#1 gave up (4 restarts > intensity 3 in 5 s)")
                .contains("smallest failing plan (shrunk to 1 fault(s) in ")
                .contains("\n  intensity breach on root/gateway @0ms\n  seed=0\n")
                .contains("plan file: target/cascade/failures/gatewayFaultsNeverTouchLedger-");
    }

    @Test
    void statistics_report_what_the_tries_covered() {
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8)); // jqwik prints its statistics reports
        try {
            EngineTestKit.engine("jqwik")
                    .selectors(selectMethod(CoverageProperties.class, "manyCrashesReachAGiveUp", FaultPlan.class.getName()))
                    .execute().testEvents().assertStatistics(stats -> stats.succeeded(1));
        } finally {
            System.setOut(out);
        }

        assertThat(printed.toString(StandardCharsets.UTF_8))
                .containsPattern("cascade fault kinds = \\s+crash \\(\\d+\\) : 100 %")
                .containsPattern("cascade faults fired or skipped = \\s+fired \\(\\d+\\)")
                .containsPattern("cascade give-ups = \\s+a supervisor gave up\\s+\\(\\d+\\)")
                .containsPattern("cascade verdicts = \\s+pass \\(100\\) : 100 %");
    }
}
