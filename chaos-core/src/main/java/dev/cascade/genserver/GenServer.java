package dev.cascade.genserver;

import dev.cascade.genserver.internal.Calls;
import dev.cascade.genserver.internal.Starter;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.runtime.ServerRef;
import dev.cascade.runtime.Timeout;

import java.time.Duration;

/**
 * OTP's gen_server: a process that holds a state of type {@code S} and handles calls, casts and
 * other messages one at a time, in mailbox order (otp-semantics section 2).
 *
 * <pre>{@code
 * final class Counter implements GenServer<Integer> {
 *     public InitResult<Integer> init(ProcessContext ctx) { return InitResult.ok(0); }
 *     public CallResult<Integer> handleCall(Object request, From from, Integer n) {
 *         return CallResult.reply(n, n);
 *     }
 *     public Result<Integer> handleCast(Object message, Integer n) { return Result.noReply(n + 1); }
 * }
 *
 * Pid counter = GenServer.startLink(ctx, new Counter()).pid();
 * GenServer.cast(ctx, counter, "increment");
 * int value = (Integer) GenServer.call(ctx, counter, "get");   // 1
 * }</pre>
 *
 * <p>Semantics: a callback that throws ends the server with {@link ExitReason.Raised} (an
 * {@link dev.cascade.runtime.ExitException} gives its own reason), after {@link #terminate} runs
 * with the <em>old</em> state; a {@code null} result is a bad return value. {@code terminate}
 * runs when a callback stops or fails, when the parent's exit signal arrives while trapping, and on
 * {@link #stop}; never on {@code kill} and never for a non-trapping server hit by an exit signal.
 * Erlang's {@code throw} as a return value has no Java counterpart: return the result instead.
 *
 * @param <S> the type of the server's state
 */
public interface GenServer<S> {

    /** The default call timeout: 5 seconds (G17). */
    Timeout DEFAULT_CALL_TIMEOUT = Timeout.of(Duration.ofSeconds(5));

    /** The message {@code handleInfo} gets when an inactivity timeout ({@link Next.Timeout}) fires. */
    Object TIMEOUT = new Object() {
        @Override
        public String toString() {
            return "timeout";
        }
    };

    /** Runs in the new process before the starter gets its result; the name, if any, is already registered. */
    InitResult<S> init(ProcessContext ctx) throws Exception;

    /** A call; by default the server crashes as OTP does when {@code handle_call} is not defined. */
    default CallResult<S> handleCall(Object request, From from, S state) throws Exception {
        throw new UnsupportedOperationException("undef: " + getClass().getName() + " does not handle calls (got " + request + ")");
    }

    /** A cast; by default the server crashes as OTP does when {@code handle_cast} is not defined. */
    default Result<S> handleCast(Object message, S state) throws Exception {
        throw new UnsupportedOperationException("undef: " + getClass().getName() + " does not handle casts (got " + message + ")");
    }

    /**
     * Any other message: {@link dev.cascade.runtime.ExitMessage}s from non-parents when trapping,
     * {@link dev.cascade.runtime.Down}s, {@link #TIMEOUT}, plain sends. By default the message is
     * dropped and the server carries on (G11), with a summarised warning: the first such message of a
     * process is logged, the rest are counted by type and logged as one line when it ends.
     */
    default Result<S> handleInfo(Object message, S state) throws Exception {
        dev.cascade.genserver.internal.UnhandledInfo.report(this, message);
        return Result.noReply(state);
    }

    /** Runs after a callback returned {@link Next.Continue}, before the mailbox is read. */
    default Result<S> handleContinue(Object value, S state) throws Exception {
        throw new UnsupportedOperationException("undef: " + getClass().getName() + " does not handle continue (got " + value + ")");
    }

    /** Cleans up before the server exits with {@code reason}; if it throws, the server exits with that instead (G26). */
    default void terminate(ExitReason reason, S state) throws Exception {
    }

    // ---- the client API --------------------------------------------------------------------

    /** Starts {@code server} linked to the calling process; returns once {@code init} has returned. */
    static StartResult startLink(ProcessContext ctx, GenServer<?> server) {
        return Starter.start(ctx, server, StartOptions.DEFAULT, true);
    }

    /** Starts {@code server} linked to the calling process, with options. */
    static StartResult startLink(ProcessContext ctx, GenServer<?> server, StartOptions options) {
        return Starter.start(ctx, server, options, true);
    }

    /** Starts {@code server} without a link. */
    static StartResult start(ProcessContext ctx, GenServer<?> server, StartOptions options) {
        return Starter.start(ctx, server, options, false);
    }

    /**
     * Calls {@code server} and waits up to 5 s for the reply.
     *
     * @throws dev.cascade.runtime.CallFailedException on timeout, {@code noproc}, {@code calling_self},
     *         or when the server dies first (with its reason); uncaught, the caller exits with it
     */
    static Object call(ProcessContext ctx, ServerRef server, Object request) {
        return Calls.call(ctx, server, request, DEFAULT_CALL_TIMEOUT, false);
    }

    /** Calls {@code server} and waits up to {@code timeout}; a reply that comes later is dropped (G20). */
    static Object call(ProcessContext ctx, ServerRef server, Object request, Timeout timeout) {
        return Calls.call(ctx, server, request, timeout, true);
    }

    /** Sends a cast; always succeeds, even to a dead pid or an unknown name (G23). */
    static void cast(ProcessContext ctx, ServerRef server, Object message) {
        Calls.cast(ctx, server, message);
    }

    /** Replies to a call that {@code handleCall} answered with {@link Result.NoReply}. */
    static void reply(ProcessContext ctx, From from, Object reply) {
        Calls.reply(ctx, from, reply);
    }

    /**
     * Stops {@code server}: it runs {@code terminate(reason)} whether or not it traps exits, then
     * exits with {@code reason} (G24).
     *
     * @throws dev.cascade.runtime.ExitException {@code noproc} if it is not alive, {@code timeout}
     *         past {@code timeout}, or the reason it actually ended with if that differs
     */
    static void stop(ProcessContext ctx, ServerRef server, ExitReason reason, Timeout timeout) {
        Calls.stop(ctx, server, reason, timeout);
    }
}
