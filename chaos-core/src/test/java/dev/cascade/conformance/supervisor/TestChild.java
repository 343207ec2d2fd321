package dev.cascade.conformance.supervisor;

import dev.cascade.genserver.CallResult;
import dev.cascade.genserver.From;
import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.InitResult;
import dev.cascade.genserver.Result;
import dev.cascade.runtime.Crash;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.runtime.Timeout;
import dev.cascade.supervisor.ChildSpec;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

/**
 * A worker for conformance tests, configured by immutable steps and turned into
 * a {@link ChildSpec} with {@link #spec()}. Its start attempts are counted across incarnations (1 =
 * the first start), so init can fail, return ignore, or wait for the tester's verdict on chosen
 * attempts. Running, it crashes with {@code error:boom} on {@link #CRASH}, stops with a reason on
 * {@link Stop}, unlinks on {@link Unlink}; it may trap exits, and take time in {@code terminate}
 * (scheduler time). A trapping worker's {@code terminate} is recorded in the log as
 * {@code "terminate <id> <reason>"}.
 */
record TestChild(String id, EventLog log, boolean trapExit, Duration terminateDelay, IntPredicate failOn,
                 IntPredicate ignoreOn, IntPredicate gateOn, Pid tester, AtomicInteger attempts) {

    /** The reason a failing init stops with. */
    static final ExitReason INIT_FAILED = ExitReason.custom("init_failed");
    /** Cast: the worker's handler throws {@code Crash("boom")}. */
    static final Object CRASH = "crash";

    /** Cast: the worker stops with {@code reason}. */
    record Stop(ExitReason reason) {}

    /** Call: the worker unlinks itself from {@code pid}. */
    record Unlink(Pid pid) {}

    /**
     * Call: the worker replies, then, {@code after} later (at once when zero), sends the exit signal
     * {@code reason} to {@code target} ({@code exit(Target, Reason)} in Erlang), and keeps running.
     */
    record SignalLater(Pid target, ExitReason reason, Duration after) {}

    /** What a {@link SignalLater} with a delay sends the worker when the delay is over. */
    private record SignalNow(Pid target, ExitReason reason) {}

    /** What a gated init sends the tester before it goes on; answer with {@link #proceed} or {@link #fail}. */
    record InitGate(String id, int attempt, Pid pid) {
        void proceed(ProcessContext ctx) {
            ctx.send(pid, Verdict.PROCEED);
        }

        void fail(ProcessContext ctx) {
            ctx.send(pid, Verdict.FAIL);
        }
    }

    enum Verdict { PROCEED, FAIL }

    private static final IntPredicate NEVER = attempt -> false;

    static TestChild worker(String id, EventLog log) {
        return new TestChild(id, log, false, Duration.ZERO, NEVER, NEVER, NEVER, null, new AtomicInteger());
    }

    TestChild trappingExits() {
        return new TestChild(id, log, true, terminateDelay, failOn, ignoreOn, gateOn, tester, attempts);
    }

    /** A trapping worker whose {@code terminate} takes {@code delay}. */
    TestChild terminatingIn(Duration delay) {
        return new TestChild(id, log, true, delay, failOn, ignoreOn, gateOn, tester, attempts);
    }

    TestChild failingInitOn(int... attemptNumbers) {
        return new TestChild(id, log, trapExit, terminateDelay, in(attemptNumbers), ignoreOn, gateOn, tester, attempts);
    }

    TestChild failingInitFrom(int firstFailing) {
        return new TestChild(id, log, trapExit, terminateDelay, n -> n >= firstFailing, ignoreOn, gateOn, tester, attempts);
    }

    TestChild ignoringInitOn(int... attemptNumbers) {
        return new TestChild(id, log, trapExit, terminateDelay, failOn, in(attemptNumbers), gateOn, tester, attempts);
    }

    /** On these attempts init sends {@code tester} an {@link InitGate} and waits for its verdict. */
    TestChild gatedOn(Pid tester, int... attemptNumbers) {
        return new TestChild(id, log, trapExit, terminateDelay, failOn, ignoreOn, in(attemptNumbers), tester, attempts);
    }

    ChildSpec spec() {
        return ChildSpec.worker(id, () -> new Server(this));
    }

    int attemptCount() {
        return attempts.get();
    }

    private static IntPredicate in(int... attemptNumbers) {
        return n -> Arrays.stream(attemptNumbers).anyMatch(a -> a == n);
    }

    private record Server(TestChild config) implements GenServer<ProcessContext> {
        @Override
        public InitResult<ProcessContext> init(ProcessContext ctx) {
            int attempt = config.attempts.incrementAndGet();
            if (config.gateOn.test(attempt)) {
                ctx.send(config.tester, new InitGate(config.id, attempt, ctx.self()));
                Object verdict = ctx.receive(m -> m instanceof Verdict, Timeout.INFINITY).orElseThrow();
                if (verdict == Verdict.FAIL) {
                    return InitResult.stop(INIT_FAILED);
                }
            }
            if (config.failOn.test(attempt)) {
                return InitResult.stop(INIT_FAILED);
            }
            if (config.ignoreOn.test(attempt)) {
                return InitResult.ignore();
            }
            ctx.trapExit(config.trapExit);
            return InitResult.ok(ctx);
        }

        @Override
        public CallResult<ProcessContext> handleCall(Object request, From from, ProcessContext ctx) {
            if (request instanceof Unlink unlink) {
                ctx.unlink(unlink.pid());
                return CallResult.reply("ok", ctx);
            }
            if (request instanceof SignalLater later) {
                SignalNow now = new SignalNow(later.target(), later.reason());
                if (later.after().isZero()) {
                    ctx.exit(now.target(), now.reason());
                } else {
                    Pid self = ctx.self();
                    ctx.spawn(timer -> {
                        timer.sleep(later.after());
                        timer.send(self, now);
                    });
                }
                return CallResult.reply("ok", ctx);
            }
            return CallResult.reply("pong", ctx); // any other call
        }

        @Override
        public Result<ProcessContext> handleCast(Object message, ProcessContext ctx) {
            if (message instanceof Stop stop) {
                return Result.stop(stop.reason(), ctx);
            }
            throw new Crash("boom");
        }

        @Override
        public Result<ProcessContext> handleInfo(Object message, ProcessContext ctx) {
            if (message instanceof SignalNow now) {
                ctx.exit(now.target(), now.reason());
            }
            return Result.noReply(ctx); // 'EXIT's from non-parents while trapping: ignored
        }

        @Override
        public void terminate(ExitReason reason, ProcessContext ctx) {
            if (config.trapExit) {
                config.log.add("terminate " + config.id + " " + reason.describe());
            }
            if (!config.terminateDelay.isZero()) {
                ctx.sleep(config.terminateDelay);
            }
        }
    }
}
