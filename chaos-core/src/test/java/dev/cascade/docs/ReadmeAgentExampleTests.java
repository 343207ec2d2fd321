package dev.cascade.docs;

import dev.cascade.agent.MethodMatch;
import dev.cascade.agent.UserCode;
import dev.cascade.chaos.ChaosTree;
import dev.cascade.chaos.Fault;
import dev.cascade.chaos.FaultPlan;
import dev.cascade.genserver.GenServer;
import dev.cascade.runtime.Pid;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.SupervisorSpec;
import dev.cascade.trace.Trace;
import dev.cascade.trace.TraceEvent;
import example.shop.Charge;
import example.shop.FlakyRepository;
import example.shop.InventoryGateway;
import example.shop.LedgerServer;
import example.shop.SlowClient;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's "The agent" example, run as written. */
class ReadmeAgentExampleTests {

    @Test
    void a_slow_call_and_a_failing_write_in_user_code_show_up_in_the_trace_and_the_ledger_on_virtual_time() {
        FlakyRepository repository = new FlakyRepository();
        SupervisorSpec shop = SupervisorSpec.oneForOne().withChild(ChildSpec.worker("ledger",
                () -> new LedgerServer(new SlowClient(40), repository, new InventoryGateway())));
        MethodMatch fetch = MethodMatch.method(SlowClient.class, "fetch");
        MethodMatch save = MethodMatch.method(FlakyRepository.class, "save");

        try (ChaosTree tree = ChaosTree.builder(shop)                       // simulated (seed 0), traced
                .instrument(UserCode.methods(fetch).virtualTimeIn("example.shop"))
                .start()) {
            tree.inject(Fault.delayIn(fetch, Duration.ofMillis(2060)).onCall(1));          // the next call only
            tree.apply(FaultPlan.builder()
                    .at(Duration.ofSeconds(5), Fault.throwIn(save, SQLException.class, "deadlock detected"))
                    .build());
            Pid ledger = tree.whereis("root/ledger").orElseThrow();
            Object first = tree.node().run(ctx -> GenServer.call(ctx, ledger, new Charge("alice", "apple")));
            tree.runFor(Duration.ofSeconds(5));                                          // virtual time
            Object second = tree.node().run(ctx -> GenServer.call(ctx, ledger, new Charge("alice", "pear")));

            Trace trace = tree.trace();
            List<String> calls = trace.events(TraceEvent.UserCall.class).stream().map(trace::describe).toList();
            assertThat(calls).containsExactly(
                    "root/ledger#1 spent 2.1 s in SlowClient.fetch handling Charge",
                    "root/ledger#1 spent 0 ms in FlakyRepository.save handling Charge",   // woven for the fault
                    "root/ledger#1 spent 40 ms in SlowClient.fetch handling Charge",
                    "root/ledger#1 spent 0 ms in FlakyRepository.save handling Charge, which threw SQLException: deadlock detected");
            assertThat(first).hasToString("Quote[item=apple, cents=105, tookNanos=40000000, atMillis=1767225602100]");
            assertThat(second).isEqualTo("failed: deadlock detected");
            assertThat(tree.ledger().toString()).isEqualTo("""
                    #1 at 0 ms delay +2060 ms in SlowClient.fetch on call 1: fired [at 0 ms root/ledger#1: SlowClient.fetch delayed 2060 ms]
                    #2 at 5000 ms throw SQLException("deadlock detected") in FlakyRepository.save: fired [at 7140 ms root/ledger#1: \
                    FlakyRepository.save threw SQLException]
                    """);;
        }
    }
}
