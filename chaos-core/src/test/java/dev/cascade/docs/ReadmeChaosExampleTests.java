package dev.cascade.docs;

import dev.cascade.chaos.ChaosTree;
import dev.cascade.chaos.Fault;
import dev.cascade.chaos.FaultLedger;
import dev.cascade.chaos.FaultPlan;
import dev.cascade.chaos.FaultPlanException;
import dev.cascade.chaos.LedgerEntry;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The README's "Faults, plans and traces" example, run as written. */
class ReadmeChaosExampleTests {

    /** A server that counts what it handles. */
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

    @Test
    void a_crash_loop_breaches_the_nested_supervisor_and_the_messages_queued_in_its_subtree_are_lost() {
        SupervisorSpec app = SupervisorSpec.oneForOne().withIntensity(3, Duration.ofSeconds(5))
                .withChild(ChildSpec.worker("cache", Counter::new))
                .withChild(ChildSpec.worker("api", Counter::new));
        SupervisorSpec root = SupervisorSpec.oneForOne().withChild(ChildSpec.supervisor("app", app));

        try (ChaosTree tree = ChaosTree.start(root)) {                   // simulated (seed 0), traced
            tree.apply(FaultPlan.builder()
                    .at(Duration.ZERO, Fault.slowHandling("root/app/api", Duration.ofSeconds(1)))
                    .at(Duration.ZERO, Fault.flood("root/app/api", 12, i -> "request " + i))
                    .at(Duration.ofMillis(500), Fault.breachIntensity("root/app/cache"))
                    .build());
            tree.runFor(Duration.ofSeconds(2));                          // virtual time

            Trace trace = tree.trace();
            TraceEvent.MessageLost lost = trace.events(TraceEvent.MessageLost.class).getLast();
            System.out.println(trace.explain(lost));
            System.out.println(trace.accounting());
            System.out.println(tree.ledger());

            assertThat(trace.events(TraceEvent.SupervisorGaveUp.class)).singleElement()
                    .satisfies(gaveUp -> assertThat(gaveUp.supervisor().path()).contains("root/app"));
            assertThat(lost.in().path()).contains("root/app/api");
            assertThat(trace.explain(lost).text()).isEqualTo("""
                    root/app/cache exited killed 4× at once (fault intensity breach on root/app/cache)
                    → root/app#1 gave up (4 restarts > intensity 3 in 5 s)
                    → root#1 restarted root/app
                    → 11 messages lost in root/app/api#1""");
            assertThat(trace.accounting().balanced()).isTrue();
            assertThat(trace.accounting().lost()).isEqualTo(11);          // 12 flooded, 1 in hand when the subtree went down
            FaultLedger ledger = tree.ledger();
            assertThat(ledger.entry(3).hits()).hasSize(4);                 // intensity 3: the 4th failure breaks it
            assertThat(ledger.entries()).allMatch(entry -> entry.status() == LedgerEntry.Status.FIRED);

            assertThatThrownBy(() -> tree.inject(Fault.raise("root/app", "boom")))
                    .isInstanceOf(FaultPlanException.class)
                    .hasMessageContaining("root/app is a supervisor");
        }
    }
}
