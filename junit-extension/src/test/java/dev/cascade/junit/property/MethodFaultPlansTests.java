package dev.cascade.junit.property;

import dev.cascade.junit.FaultPlan;
import dev.cascade.junit.property.fixtures.MethodProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

/** Method faults through the agent are drawn, fire in user code, and shrink like any other fault. */
class MethodFaultPlansTests {
    @Test
    void a_throwing_user_method_is_found_and_shrunk_to_the_message_and_the_call_that_throws(@TempDir Path dir) {
        MethodProperties.failures = dir;

        Events events = EngineTestKit.engine("jqwik")
                .selectors(selectMethod(MethodProperties.class, "lookupsNeverThrow", FaultPlan.class.getName()))
                .execute().testEvents();

        events.assertStatistics(stats -> stats.failed(1));
        Throwable failure = events.failed().list().getFirst().getPayload(TestExecutionResult.class).orElseThrow()
                .getThrowable().orElseThrow();
        assertThat(failure.getMessage())
                .startsWith("FAIL lookups never throw: 1 lookup(s) threw: root/db#1 spent")
                .contains("which threw IllegalStateException")
                .contains("smallest failing plan (shrunk to 2 fault(s)")
                .containsPattern("\\n  throw IllegalStateException\\(\"boom\"\\) in Catalog.lookup on call 1 @0ms")
                .containsPattern("\\n  flood 1 messages to root/db at once @\\d+ms")
                .contains("no plan file written: fault \"throw IllegalStateException");
    }
}
