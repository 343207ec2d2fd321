package dev.cascade.runtime;

import dev.cascade.genserver.CallResult;
import dev.cascade.genserver.From;
import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.InitResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RealSchedulerTests {

    static final class Echo implements GenServer<Integer> {
        @Override
        public InitResult<Integer> init(ProcessContext ctx) {
            return InitResult.ok(0);
        }

        @Override
        public CallResult<Integer> handleCall(Object request, From from, Integer calls) {
            return CallResult.reply(request, calls + 1);
        }
    }

    @Test
    void processes_on_a_carrier_of_the_nodes_own_exchange_messages_and_calls() {
        try (Node node = Node.start(Scheduler.real(1), RuntimeListener.NONE)) {
            assertThat(node.scheduler().description()).contains("on 1 carrier");
            Pid echo = node.spawn(ctx -> {
                while (true) {
                    Pid from = (Pid) ctx.receive();
                    ctx.send(from, from);
                }
            });
            int answered = node.run(ctx -> {
                Pid server = GenServer.startLink(ctx, new Echo()).pid();
                int n = 0;
                for (int i = 0; i < 1_000; i++) {
                    ctx.send(echo, ctx.self());
                    if (ctx.receive() == ctx.self() && GenServer.call(ctx, server, i).equals(i)) {
                        n++;
                    }
                }
                return n;
            });
            assertThat(answered).isEqualTo(1_000);
        }
    }

    @Test
    void its_carriers_are_named_and_the_processes_are_virtual_threads() {
        try (Node node = Node.start(Scheduler.real(2), RuntimeListener.NONE)) {
            assertThat(node.scheduler().description()).contains("on 2 carriers");
            String thread = node.run(ctx -> (Thread.currentThread().isVirtual() ? "virtual " : "platform ") + Thread.currentThread().getName());
            assertThat(thread).startsWith("virtual cascade");
        }
    }

    @Test
    void a_node_needs_at_least_one_carrier() {
        assertThatThrownBy(() -> Scheduler.real(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("carriers must be >= 1 but was: 0");
    }
}
