package dev.cascade.genserver;

import dev.cascade.runtime.*;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SmokeTests {
    static final class Counter implements GenServer<Integer> {
        public InitResult<Integer> init(ProcessContext ctx) { return InitResult.ok(0); }
        public CallResult<Integer> handleCall(Object r, From f, Integer n) {
            if (r.equals("crash")) throw new Crash("boom");
            return CallResult.reply(n, n);
        }
        public Result<Integer> handleCast(Object m, Integer n) { return Result.noReply(n + 1); }
    }

    @Test
    void counter_counts_casts() {
        try (Node node = Node.start()) {
            int v = node.run(ctx -> {
                Pid c = GenServer.startLink(ctx, new Counter()).pid();
                GenServer.cast(ctx, c, "inc");
                GenServer.cast(ctx, c, "inc");
                return (Integer) GenServer.call(ctx, c, "get");
            });
            assertThat(v).isEqualTo(2);
        }
    }

    @Test
    void crash_in_call_exits_caller_with_server_reason() {
        try (Node node = Node.start()) {
            Object r = node.run(ctx -> {
                ctx.trapExit(true);
                Pid c = GenServer.startLink(ctx, new Counter()).pid();
                try {
                    GenServer.call(ctx, c, "crash");
                    return "no";
                } catch (CallFailedException e) {
                    Object exit = ctx.receive();
                    return e.cause().describe() + " / " + exit;
                }
            });
            assertThat(r.toString()).startsWith("error:boom / ExitMessage");
        }
    }
}
