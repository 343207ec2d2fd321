package dev.cascade.junit.property;

import dev.cascade.junit.FaultPlan;
import dev.cascade.junit.property.fixtures.CoverageProperties;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

/** The coverage check fails a property whose tries never reach the case it is about, and passes one whose tries do. */
class CoverageTests {
    private static Events run(String property) {
        return EngineTestKit.engine("jqwik")
                .selectors(selectMethod(CoverageProperties.class, property, FaultPlan.class.getName()))
                .execute().testEvents();
    }

    @Test
    void a_property_whose_tries_never_reach_a_give_up_fails_and_says_what_to_widen() {
        Events events = run("oneCrashNeverReachesAGiveUp");

        events.assertStatistics(stats -> stats.failed(1));
        Throwable failure = events.failed().list().getFirst().getPayload(TestExecutionResult.class).orElseThrow()
                .getThrowable().orElseThrow();
        assertThat(failure).hasMessageContaining("no try of this property reached \"a supervisor gave up\" (cascade give-ups) in 100"
                + " tries: it never tested the case it is about; widen the plans (FaultPlans.kinds, targeting, maxFaults, horizon)"
                + " or raise tries");
    }

    @Test
    void a_property_whose_tries_reach_a_give_up_passes() {
        run("manyCrashesReachAGiveUp").assertStatistics(stats -> stats.succeeded(1).failed(0));
    }
}
