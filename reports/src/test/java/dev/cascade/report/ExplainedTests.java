package dev.cascade.report;

import dev.cascade.chaos.ChaosTree;
import dev.cascade.chaos.Fault;
import dev.cascade.chaos.FaultPlan;
import dev.cascade.genserver.CallResult;
import dev.cascade.genserver.From;
import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.InitResult;
import dev.cascade.genserver.Result;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.SupervisorSpec;
import dev.cascade.trace.Trace;
import dev.cascade.trace.TraceEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The explanation a report shows is the trace's own, with the ids of each step's events. */
class ExplainedTests {
    static final class Counter implements GenServer<Integer> {
        @Override
        public InitResult<Integer> init(ProcessContext ctx) {
            return InitResult.ok(0);
        }

        @Override
        public CallResult<Integer> handleCall(Object request, From from, Integer n) {
            return CallResult.reply(n, n);
        }

        @Override
        public Result<Integer> handleInfo(Object message, Integer n) {
            return Result.noReply(n + 1);
        }
    }

    static Trace silentCascade() {
        SupervisorSpec app = SupervisorSpec.oneForOne().withIntensity(3, Duration.ofSeconds(5))
                .withChild(ChildSpec.worker("cache", Counter::new))
                .withChild(ChildSpec.worker("api", Counter::new));
        SupervisorSpec root = SupervisorSpec.oneForOne().withChild(ChildSpec.supervisor("app", app));
        try (ChaosTree tree = ChaosTree.start(root)) {
            tree.apply(FaultPlan.builder()
                    .at(Duration.ZERO, Fault.slowHandling("root/app/api", Duration.ofSeconds(1)))
                    .at(Duration.ZERO, Fault.flood("root/app/api", 12, i -> "request " + i))
                    .at(Duration.ofMillis(500), Fault.breachIntensity("root/app/cache"))
                    .build());
            tree.runFor(Duration.ofSeconds(2));
            return tree.trace();
        }
    }

    @Test
    void the_cascade_of_a_run_explains_its_last_lost_message_step_by_step_with_event_ids() {
        Trace trace = silentCascade();
        TraceEvent.MessageLost lost = trace.events(TraceEvent.MessageLost.class).getLast();
        Explained explained = Explained.cascadeOf(trace).orElseThrow();
        assertThat(explained.about()).isEqualTo(lost.id());
        assertThat(explained.steps()).extracting(Explained.Step::text).containsExactlyElementsOf(trace.explain(lost).lines());
        assertThat(explained.steps()).allSatisfy(step -> assertThat(step.events()).isNotEmpty()
                .allSatisfy(id -> assertThat(trace.event(id)).isPresent()));
    }

    @Test
    void a_run_where_nothing_went_wrong_has_nothing_to_explain() {
        SupervisorSpec quiet = SupervisorSpec.oneForOne().withChild(ChildSpec.worker("w", Counter::new));
        try (ChaosTree tree = ChaosTree.start(quiet)) {
            tree.runFor(Duration.ofMillis(10));
            assertThat(Explained.cascadeOf(tree.trace())).isEmpty();
        }
    }

    @Test
    void refuses_an_event_id_below_one() {
        assertThatThrownBy(() -> new Explained(0, List.of()))
                .hasMessage("about must be an event id (>= 1) but was: 0");
    }
}
