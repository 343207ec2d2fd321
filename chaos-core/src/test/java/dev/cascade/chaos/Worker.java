package dev.cascade.chaos;

import dev.cascade.genserver.CallResult;
import dev.cascade.genserver.From;
import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.InitResult;
import dev.cascade.genserver.Result;
import dev.cascade.runtime.CallFailedException;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.runtime.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The GenServer the fault tests break: it writes every message it handles (a call's request, a
 * cast, a plain message, an exit message when trapping) into its {@link Journal}, which outlives
 * its incarnations, and carries out the commands {@link Burst} and {@link CallWith} without
 * writing them down. Calls are answered with {@code ok}.
 */
final class Worker implements GenServer<ProcessContext> {

    /** What the incarnations of one path saw, in order; read by the test from its own thread. */
    static final class Journal {
        private final List<Object> entries = new CopyOnWriteArrayList<>();

        void add(Object entry) {
            entries.add(entry);
        }

        List<Object> entries() {
            return List.copyOf(entries);
        }

        <T> List<T> of(Class<T> type) {
            return entries.stream().filter(type::isInstance).map(type::cast).toList();
        }

        int size() {
            return entries.size();
        }
    }

    /** A numbered message between workers, or from a flood. */
    record Hop(int n) {}

    /** A message a slow-handling fault may be narrowed to. */
    record Slow(int n) {}

    /** Command: send {@code Hop(n)} to {@code to} for each of {@code numbers}, in order. */
    record Burst(Pid to, List<Integer> numbers) {}

    /** Command: call {@code to} with {@code request} and write down the {@link CallOutcome}. */
    record CallWith(Pid to, Object request, Duration timeout) {}

    /** How a call of {@link CallWith} ended: {@code ok}, or the reason it failed ({@code timeout}, …). */
    record CallOutcome(String outcome) {}

    private final Journal journal;
    private final boolean trapExits;

    Worker(Journal journal) {
        this(journal, false);
    }

    Worker(Journal journal, boolean trapExits) {
        this.journal = journal;
        this.trapExits = trapExits;
    }

    @Override
    public InitResult<ProcessContext> init(ProcessContext ctx) {
        ctx.trapExit(trapExits);
        return InitResult.ok(ctx);
    }

    @Override
    public CallResult<ProcessContext> handleCall(Object request, From from, ProcessContext ctx) {
        journal.add(request);
        return CallResult.reply("ok", ctx);
    }

    @Override
    public Result<ProcessContext> handleCast(Object message, ProcessContext ctx) {
        return handle(message, ctx);
    }

    @Override
    public Result<ProcessContext> handleInfo(Object message, ProcessContext ctx) {
        return handle(message, ctx);
    }

    private Result<ProcessContext> handle(Object message, ProcessContext ctx) {
        switch (message) {
            case Burst burst -> burst.numbers().forEach(n -> ctx.send(burst.to(), new Hop(n)));
            case CallWith call -> journal.add(new CallOutcome(call(ctx, call)));
            default -> journal.add(message);
        }
        return Result.noReply(ctx);
    }

    private static String call(ProcessContext ctx, CallWith call) {
        try {
            return String.valueOf(GenServer.call(ctx, call.to(), call.request(), Timeout.of(call.timeout())));
        } catch (CallFailedException failed) {
            return failed.cause().describe();
        }
    }

    @Override
    public void terminate(ExitReason reason, ProcessContext ctx) {
        journal.add(new Terminated(reason.describe()));
    }

    /** {@code terminate} ran with this reason. */
    record Terminated(String reason) {}
}
