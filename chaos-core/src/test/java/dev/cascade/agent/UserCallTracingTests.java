package dev.cascade.agent;

import dev.cascade.chaos.ChaosTree;
import dev.cascade.conformance.TestScheduler;
import dev.cascade.trace.Trace;
import dev.cascade.trace.TraceEvent;
import example.shop.Quote;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Calls of matched user methods from inside handlers are trace events of the calling process. */
@ExtendWith(TestScheduler.Verify.class)
class UserCallTracingTests {
    private final Shop shop = new Shop();

    @Test
    void aCallOfAMatchedMethodFromAHandlerIsAnEventOfTheCallingProcessWithItsArgumentsAndDuration() {
        try (ChaosTree tree = shop.start(UserCode.methods(Shop.FETCH, Shop.REPOSITORY, Shop.REMOTE).virtualTimeIn("example.shop"))) {
            assertThat(Shop.charge(tree, "alice", "apple")).isInstanceOf(Quote.class);
            Trace trace = tree.trace();
            List<TraceEvent.UserCall> calls = trace.events(TraceEvent.UserCall.class);
            assertThat(calls).extracting(TraceEvent.UserCall::method)
                    .containsExactly("SlowClient.fetch", "InventoryGateway.reserve", "FlakyRepository.save");
            assertThat(calls).allSatisfy(call -> assertThat(call.process().toString()).isEqualTo("root/ledger#1"));
            assertThat(calls).extracting(TraceEvent.UserCall::arguments)
                    .containsExactly("\"apple\"", "\"apple\", 1", "\"alice\", 105");
            assertThat(calls.getFirst().took()).isGreaterThanOrEqualTo(Duration.ofMillis(Shop.LATENCY_MILLIS));
            assertThat(trace.describe(calls.getFirst())).startsWith("root/ledger#1 spent ").endsWith(" in SlowClient.fetch handling Charge");
        }
    }
}
