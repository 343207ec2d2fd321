package dev.cascade.runtime;

import dev.cascade.conformance.TestScheduler;
import dev.cascade.genserver.CallResult;
import dev.cascade.genserver.From;
import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.InitResult;
import dev.cascade.genserver.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link ProcessContext#current()}: a handler reaches its process without keeping the context {@code init} got. */
@ExtendWith(TestScheduler.Verify.class)
class ProcessContextCurrentTests {

    /** Answers a call with its own pid and the pid of a process it spawns; forwards casts and infos to a pid. */
    static final class Reflective implements GenServer<Pid> {
        @Override
        public InitResult<Pid> init(ProcessContext ctx) {
            return InitResult.ok(null);
        }

        @Override
        public CallResult<Pid> handleCall(Object request, From from, Pid listener) {
            ProcessContext ctx = ProcessContext.current();
            Pid helper = ctx.spawn(child -> { });
            return CallResult.reply(List.of(ctx.self(), helper), (Pid) request);
        }

        @Override
        public Result<Pid> handleCast(Object message, Pid listener) {
            ProcessContext.current().send(listener, "cast " + message + " from " + ProcessContext.current().self());
            return Result.noReply(listener);
        }

        @Override
        public Result<Pid> handleInfo(Object message, Pid listener) {
            ProcessContext.current().send(listener, "info " + message + " from " + ProcessContext.current().self());
            return Result.noReply(listener);
        }
    }

    @Test
    void handle_call_cast_and_info_reach_their_own_process() {
        try (Node node = Node.start(TestScheduler.create(), RuntimeListener.NONE)) {
            List<Object> seen = node.run(ctx -> {
                Pid server = GenServer.startLink(ctx, new Reflective()).pid();
                List<?> answer = (List<?>) GenServer.call(ctx, server, ctx.self());
                GenServer.cast(ctx, server, "a");
                ctx.send(server, "b");
                return List.of(answer.get(0).equals(server), answer.get(1).equals(server), ctx.receive(), ctx.receive(),
                        server.toString());
            });
            assertThat(seen.subList(0, 2)).containsExactly(true, false);
            assertThat(seen.subList(2, 4)).containsExactly("cast a from " + seen.get(4), "info b from " + seen.get(4));
        }
    }

    @Test
    void outside_a_process_it_says_where_it_works() {
        assertThatThrownBy(ProcessContext::current).isInstanceOf(IllegalStateException.class)
                .hasMessage("ProcessContext.current() was called on thread \"" + Thread.currentThread().getName()
                        + "\", which runs no process; it works inside a process (a GenServer callback, a body given to spawn "
                        + "or Node.run); elsewhere, pass the context explicitly");
    }
}
