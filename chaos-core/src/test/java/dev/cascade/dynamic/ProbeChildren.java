package dev.cascade.dynamic;

import dev.cascade.genserver.CallResult;
import dev.cascade.genserver.From;
import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.InitResult;
import dev.cascade.genserver.Result;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.runtime.Timeout;

import java.time.Duration;

/** The children of {@link DynamicSupervisorTests}. */
final class ProbeChildren {
    private ProbeChildren() {}

    record Entered(Pid child) {}

    record Left(Pid child, ExitReason reason) {}

    /** A worker that stops with any reason cast to it and, when observed, reports its terminate. */
    static final class Probe implements GenServer<String> {
        private final Pid observer;
        private final Duration terminateTakes;
        private final InitResult<String> initResult;
        private ProcessContext ctx;

        private Probe(Pid observer, Duration terminateTakes, InitResult<String> initResult) {
            this.observer = observer;
            this.terminateTakes = terminateTakes;
            this.initResult = initResult;
        }

        static Probe plain() {
            return new Probe(null, Duration.ZERO, InitResult.ok(""));
        }

        static Probe initResult(InitResult<String> result) {
            return new Probe(null, Duration.ZERO, result);
        }

        /** Traps exits, so a supervisor's {@code shutdown} runs terminate, which takes {@code takes}. */
        static Probe slowToTerminate(Pid observer, Duration takes) {
            return new Probe(observer, takes, InitResult.ok(""));
        }

        @Override
        public InitResult<String> init(ProcessContext ctx) {
            this.ctx = ctx;
            ctx.trapExit(observer != null);
            return initResult;
        }

        @Override
        public CallResult<String> handleCall(Object request, From from, String state) {
            return CallResult.reply(request, state);
        }

        @Override
        public Result<String> handleCast(Object message, String state) {
            return Result.stop((ExitReason) message, state);
        }

        @Override
        public void terminate(ExitReason reason, String state) {
            if (observer != null) {
                ctx.send(observer, new Entered(ctx.self()));
                ctx.sleep(terminateTakes);
                ctx.send(observer, new Left(ctx.self(), reason));
            }
        }
    }

    /** Traps exits; its terminate tells its partner and waits up to 4 s for the partner to do the same. */
    static final class Partner implements GenServer<Pid> {
        private ProcessContext ctx;
        private boolean partnerEntered;

        @Override
        public InitResult<Pid> init(ProcessContext ctx) {
            this.ctx = ctx;
            ctx.trapExit(true);
            return InitResult.ok(null);
        }

        @Override
        public CallResult<Pid> handleCall(Object request, From from, Pid partner) {
            return CallResult.reply(request, partner);
        }

        @Override
        public Result<Pid> handleCast(Object partner, Pid none) {
            return Result.noReply((Pid) partner);
        }

        /** The partner may enter terminate before this one has taken its own shutdown from the mailbox. */
        @Override
        public Result<Pid> handleInfo(Object message, Pid partner) {
            partnerEntered |= message.equals(new Entered(partner));
            return Result.noReply(partner);
        }

        @Override
        public void terminate(ExitReason reason, Pid partner) {
            ctx.send(partner, new Entered(ctx.self()));
            if (!partnerEntered) {
                ctx.receive(m -> m.equals(new Entered(partner)), Timeout.of(Duration.ofSeconds(4)));
            }
        }
    }
}
