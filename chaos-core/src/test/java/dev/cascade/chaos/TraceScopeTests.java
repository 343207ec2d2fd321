package dev.cascade.chaos;

import dev.cascade.conformance.TestScheduler;
import dev.cascade.trace.Trace;
import dev.cascade.trace.TraceEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static dev.cascade.chaos.TreeCallTests.PAYMENTS;
import static org.assertj.core.api.Assertions.assertThat;

/** A tree's trace shows the tree: the test's own processes (callers, node.run) are one call away. */
@ExtendWith(TestScheduler.Verify.class)
class TraceScopeTests {

    private static List<String> exits(Trace trace) {
        return trace.events(TraceEvent.Exited.class).stream().map(TraceEvent::describe).toList();
    }

    @Test
    void the_tests_own_processes_are_left_out_of_the_trees_trace_and_kept_in_everything() {
        try (ChaosTree tree = Trees.start(PAYMENTS)) {
            tree.call("root/gateway", "crash");               // a caller of the test's: exits normal afterwards
            Trees.awaitIncarnations(tree, "root/gateway", 2);
            Trace trace = tree.trace();
            assertThat(trace.scopedToTree()).isTrue();
            assertThat(exits(trace)).containsExactly("root/gateway#1 exited error:boom");
            assertThat(exits(trace.everything())).contains("root/gateway#1 exited error:boom")
                    .anyMatch(line -> line.matches("<[0-9.]+> exited normal"));
            assertThat(trace.events()).allMatch(event -> !(event instanceof TraceEvent.Spawned spawned) || spawned.process().inTree());
        }
    }

    @Test
    void what_passes_between_the_test_and_the_tree_stays() {
        try (ChaosTree tree = Trees.start(PAYMENTS)) {
            tree.cast("root/ledger", "deposit");
            tree.call("root/ledger", "balance");
            Trace trace = tree.trace();
            assertThat(trace.events(TraceEvent.CallStarted.class)).singleElement()
                    .satisfies(call -> assertThat(call.callee().toString()).isEqualTo("root/ledger#1"));
            assertThat(trace.events(TraceEvent.CallReplied.class)).hasSize(1);
            assertThat(trace.events(TraceEvent.Sent.class).stream().map(TraceEvent::describe))
                    .anyMatch(line -> line.matches("<[0-9.]+> sent cast deposit to root/ledger#1"));
        }
    }

    @Test
    void an_explanation_and_the_accounting_still_see_every_event() {
        try (ChaosTree tree = Trees.start(PAYMENTS)) {
            tree.call("root/gateway", "crash");
            Trees.awaitIncarnations(tree, "root/gateway", 2);
            Trace trace = tree.trace();
            TraceEvent.RestartDecided restart = trace.events(TraceEvent.RestartDecided.class).getLast();
            assertThat(trace.explain(restart).text()).isEqualTo(trace.everything().explain(restart).text());
            assertThat(trace.accounting()).isEqualTo(trace.everything().accounting());
            assertThat(trace.chain(restart)).isEqualTo(trace.everything().chain(restart));
        }
    }
}
