package dev.cascade.catalog;

import dev.cascade.simulation.SimulatedScheduler;
import dev.cascade.trace.TraceEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BlockingCallInHandlerTests {

    @Test
    void the_slow_user_method_inside_handle_call_times_out_all_three_callers() {
        CatalogRun run = Catalog.BLOCKING_CALL_IN_HANDLER.entry().bad().run(SimulatedScheduler.withSeed(0));
        assertThat(run.spec().trace().events(TraceEvent.UserCall.class)).anySatisfy(call -> assertThat(call.method()).isEqualTo("PriceClient.quote"));
        assertThat(run.spec().trace().events(TraceEvent.CallTimedOut.class)).hasSize(3);
        assertThat(Catalog.BLOCKING_CALL_IN_HANDLER.check(run).text())
                .startsWith("FAIL timedOutCallsAtMost(1): 3 calls timed out (limit 1; first: ");
    }

    @Test
    void replying_later_from_a_pool_of_quoters_leaves_only_the_slow_requests_caller_waiting() {
        CatalogRun run = Catalog.BLOCKING_CALL_IN_HANDLER.entry().fixed().run(SimulatedScheduler.withSeed(0));
        assertThat(run.spec().trace().events(TraceEvent.CallTimedOut.class)).hasSize(1);
        assertThat(run.spec().trace().events(TraceEvent.CallReplied.class)).hasSizeGreaterThanOrEqualTo(2);
        assertThat(Catalog.BLOCKING_CALL_IN_HANDLER.check(run).passed()).isTrue();
    }
}
