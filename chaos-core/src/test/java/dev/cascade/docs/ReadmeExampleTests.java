package dev.cascade.docs;

import dev.cascade.genserver.CallResult;
import dev.cascade.genserver.From;
import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.InitResult;
import dev.cascade.genserver.Result;
import dev.cascade.genserver.StartOptions;
import dev.cascade.dynamic.ChildLimit;
import dev.cascade.dynamic.DynamicStartResult;
import dev.cascade.dynamic.DynamicSupervisor;
import dev.cascade.dynamic.DynamicSupervisorSpec;
import dev.cascade.registry.Registry;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.ServerRef;
import dev.cascade.runtime.Timeout;
import dev.cascade.runtime.CallFailedException;
import dev.cascade.runtime.Crash;
import dev.cascade.runtime.Node;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.Supervisor;
import dev.cascade.supervisor.SupervisorSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's example, compiled and run; keep the two in step. */
class ReadmeExampleTests {

    // README: begin counter
    static final class Counter implements GenServer<Integer> {
        @Override
        public InitResult<Integer> init(ProcessContext ctx) {
            return InitResult.ok(0);
        }

        @Override
        public CallResult<Integer> handleCall(Object request, From from, Integer count) {
            if (request.equals("crash")) {
                throw new Crash("boom"); // the process ends with error:boom
            }
            return CallResult.reply(count, count);
        }

        @Override
        public Result<Integer> handleCast(Object message, Integer count) {
            return Result.noReply(count + 1);
        }
    }
    // README: end counter

    @Test
    void a_crashed_counter_is_restarted_from_init_by_its_supervisor() {
        // README: begin run
        SupervisorSpec spec = SupervisorSpec.oneForOne()
                .withIntensity(3, Duration.ofSeconds(5))
                .withChild(ChildSpec.worker("counter", Counter::new));

        try (Node node = Node.start()) {
            List<Object> seen = node.run(ctx -> {
                Pid supervisor = Supervisor.startLink(ctx, spec).pid();
                Pid counter = Supervisor.whichChildren(ctx, supervisor).getFirst().pid().orElseThrow();
                GenServer.cast(ctx, counter, "increment");
                Object before = GenServer.call(ctx, counter, "get");                  // 1
                String crash;
                try {
                    GenServer.call(ctx, counter, "crash");
                    crash = "no crash";
                } catch (CallFailedException failed) {
                    crash = failed.cause().describe();                                // "error:boom"
                }
                Pid restarted = Supervisor.whichChildren(ctx, supervisor).getFirst().pid().orElseThrow();
                Object after = GenServer.call(ctx, restarted, "get");                 // 0: a new incarnation
                return List.of(before, crash, restarted.equals(counter), after);
            });
            assertThat(seen).containsExactly(1, "error:boom", false, 0);
        }
        // README: end run
    }

    @Test
    void sessions_started_on_demand_are_found_by_key_and_gone_when_they_stop() {
        try (Node node = Node.start()) {
            List<Object> seen = node.run(ctx -> {
                // README: begin dynamic
                Registry.startLink(ctx, "sessions");
                Pid sessions = DynamicSupervisor.startLink(ctx,
                        DynamicSupervisorSpec.DEFAULT.withMaxChildren(ChildLimit.atMost(2))).pid();

                DynamicSupervisor.startChild(ctx, sessions, ChildSpec.worker("session",
                        c -> GenServer.startLink(c, new Counter(), StartOptions.via("sessions", "alice"))));
                GenServer.cast(ctx, ServerRef.via("sessions", "alice"), "increment");
                Object alice = GenServer.call(ctx, ServerRef.via("sessions", "alice"), "get");   // 1

                GenServer.stop(ctx, ServerRef.via("sessions", "alice"), ExitReason.NORMAL, Timeout.INFINITY);
                // a permanent child that ends, even normally, is restarted (3.4) and registers again;
                // a call to the supervisor is answered only after it has handled that exit
                DynamicSupervisor.countChildren(ctx, sessions);
                Object again = GenServer.call(ctx, ServerRef.via("sessions", "alice"), "get");   // 0

                DynamicSupervisor.startChild(ctx, sessions, ChildSpec.worker("session", Counter::new));
                DynamicStartResult third = DynamicSupervisor.startChild(ctx, sessions,
                        ChildSpec.worker("session", Counter::new));                             // MaxChildren
                // README: end dynamic
                return List.of(alice, again, third);
            });
            assertThat(seen).containsExactly(1, 0, new DynamicStartResult.MaxChildren());
        }
    }
}
