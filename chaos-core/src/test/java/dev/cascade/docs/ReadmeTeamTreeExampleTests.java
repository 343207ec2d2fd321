package dev.cascade.docs;

import dev.cascade.chaos.CallOutcome;
import dev.cascade.chaos.ChaosTree;
import dev.cascade.chaos.Fault;
import dev.cascade.dynamic.DynamicStartResult;
import dev.cascade.dynamic.DynamicSupervisor;
import dev.cascade.dynamic.DynamicSupervisorSpec;
import dev.cascade.genserver.CallResult;
import dev.cascade.genserver.From;
import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.InitResult;
import dev.cascade.genserver.Result;
import dev.cascade.genserver.StartOptions;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.runtime.ServerRef;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.SupervisorSpec;
import dev.cascade.trace.Trace;
import dev.cascade.trace.TraceEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The README's "Trees as teams build them" example, run as written. */
class ReadmeTeamTreeExampleTests {

    record Login(String user) {}

    record Deposit(int cents) {}

    /** A user's session: a balance. */
    static final class Session implements GenServer<Integer> {
        @Override
        public InitResult<Integer> init(ProcessContext ctx) {
            return InitResult.ok(0);
        }

        @Override
        public CallResult<Integer> handleCall(Object request, From from, Integer cents) {
            return CallResult.reply(cents, cents);
        }

        @Override
        public Result<Integer> handleCast(Object message, Integer cents) {
            return Result.noReply(cents + ((Deposit) message).cents());
        }
    }

    /** Starts a session per user under the DynamicSupervisor "session_sup", registered under the user's name. */
    static final class Gateway implements GenServer<Integer> {
        @Override
        public InitResult<Integer> init(ProcessContext ctx) {
            return InitResult.ok(0);
        }

        @Override
        public CallResult<Integer> handleCall(Object request, From from, Integer logins) {
            Login login = (Login) request;
            ProcessContext ctx = ProcessContext.current();                     // no context stashed from init
            DynamicStartResult started = DynamicSupervisor.startChild(ctx, ServerRef.named("session_sup"),
                    ChildSpec.worker("session", c -> GenServer.startLink(c, new Session(), StartOptions.via("sessions", login.user()))));
            return CallResult.reply(started instanceof DynamicStartResult.Started, logins + 1);
        }
    }

    /** The ledger and the cache of the example: a map each. */
    static final class Store implements GenServer<Map<Object, Object>> {
        @Override
        public InitResult<Map<Object, Object>> init(ProcessContext ctx) {
            return InitResult.ok(new HashMap<>());
        }

        @Override
        public CallResult<Map<Object, Object>> handleCall(Object key, From from, Map<Object, Object> entries) {
            return CallResult.reply(entries.get(key), entries);
        }
    }

    @Test
    void a_session_is_faulted_called_traced_and_asserted_by_its_key() {
        SupervisorSpec payments = SupervisorSpec.oneForOne().withIntensity(3, Duration.ofSeconds(5))
                .withChild(ChildSpec.worker("gateway", Gateway::new))
                .withChild(ChildSpec.worker("ledger", Store::new))
                .withChild(ChildSpec.worker("cache", Store::new))
                .withChild(ChildSpec.registry("registry", "sessions"))
                .withChild(ChildSpec.dynamicSupervisor("sessions", DynamicSupervisorSpec.DEFAULT, "session_sup"));

        try (ChaosTree tree = ChaosTree.builder(payments).root("payments").start()) {   // simulated (seed 0), traced
            tree.call("payments/gateway", new Login("alice"));                      // alice's session: payments/sessions/alice
            tree.cast(ServerRef.via("sessions", "alice"), new Deposit(5));          // by registry key

            tree.inject(Fault.raise("payments/sessions/alice", "boom"));            // fault it by its key
            tree.runFor(Duration.ofMillis(1));                                      // its supervisor restarts it
            CallOutcome balance = tree.call("payments/sessions/alice", "balance");  // call it: Replied[value=0]
            Trace trace = tree.trace();
            String why = trace.explain(trace.events(TraceEvent.RestartDecided.class).getLast()).text();  // trace it
            assertThat(tree.incarnations("payments/sessions/alice")).isEqualTo(2);  // assert on it

            assertThat(balance).isEqualTo(new CallOutcome.Replied(0));              // a new incarnation, from init
            assertThat(why).isEqualTo("""
                    payments/sessions/alice#1 exited error:boom (fault raise boom on payments/sessions/alice)
                    → payments/sessions#1 restarted payments/sessions/alice""");
            assertThat(tree.incarnations("payments/ledger")).isEqualTo(1);         // nothing else moved
            assertThatThrownBy(() -> tree.call("payments/sessions/alcie", "balance"))
                    .hasMessageStartingWith("call to payments/sessions/alcie: the tree has no path payments/sessions/alcie "
                            + "(paths: payments, payments/gateway, payments/ledger, payments/cache, payments/registry, "
                            + "payments/sessions, payments/sessions/alice)");
        }
    }
}
