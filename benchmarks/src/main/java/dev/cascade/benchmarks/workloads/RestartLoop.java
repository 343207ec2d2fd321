package dev.cascade.benchmarks.workloads;

import dev.cascade.genserver.CallResult;
import dev.cascade.genserver.From;
import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.InitResult;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.Node;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.Supervisor;
import dev.cascade.supervisor.SupervisorSpec;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * W5: a one-for-one supervisor over one permanent worker, which is crashed {@value #CRASHES} times,
 * each time until the new incarnation answers a call. The supervisor allows exactly
 * {@value #CRASHES} restarts in 5 s, so it must not give up however fast the restarts come.
 *
 * <p>One crash: {@code exit(worker, kill)} from the measuring process (carried out before
 * {@code exit} returns, so the supervisor already has the {@code 'EXIT'}); {@code whichChildren}
 * (answered after the supervisor has handled that exit and started the new incarnation); a call
 * to the new pid. Each answer is the incarnation's number, counted by the workers' {@code init}, and
 * must be the next one. Figures: restarts per second over the whole loop, in thousands, and p50/p99
 * of crash-to-ready (from before the kill to the answer), in µs.
 */
final class RestartLoop implements Workload {
    static final int CRASHES = 10_000;
    private static final Object WHO = "who";

    /** Answers every call with its incarnation number. */
    private record Incarnation(AtomicInteger started) implements GenServer<Integer> {
        @Override
        public InitResult<Integer> init(ProcessContext ctx) {
            return InitResult.ok(started.incrementAndGet());
        }

        @Override
        public CallResult<Integer> handleCall(Object request, From from, Integer number) {
            return CallResult.reply(number, number);
        }
    }

    @Override
    public String id() {
        return "W5";
    }

    @Override
    public String description() {
        return "one-for-one supervisor, one permanent worker crashed 10,000 times, each until the new incarnation answers";
    }

    @Override
    public Sample run(Node node) {
        AtomicInteger started = new AtomicInteger();
        SupervisorSpec spec = SupervisorSpec.oneForOne().withIntensity(CRASHES, Duration.ofSeconds(5))
                .withChild(ChildSpec.worker("worker", () -> new Incarnation(started)));
        return node.run(ctx -> {
            Pid supervisor = Supervisor.startLink(ctx, spec).pid();
            Pid worker = current(ctx, supervisor);
            answer(ctx, worker, 1);
            Latencies latencies = new Latencies(CRASHES);
            Span span = Span.start(node.scheduler());
            for (int i = 0; i < CRASHES; i++) {
                long start = System.nanoTime();
                ctx.exit(worker, ExitReason.kill());
                Pid next = current(ctx, supervisor);
                answer(ctx, next, i + 2);
                latencies.record(System.nanoTime() - start);
                if (next.equals(worker)) {
                    throw new IllegalStateException("crash " + i + ": the supervisor still lists the killed " + worker);
                }
                worker = next;
            }
            span.stop();
            return span.sample(new Metric("restarts", "k/s", CRASHES / (span.wallNanos() / 1e9) / 1e3),
                    new Metric("p50", "µs", latencies.percentileMicros(50)),
                    new Metric("p99", "µs", latencies.percentileMicros(99)));
        });
    }

    private static Pid current(ProcessContext ctx, Pid supervisor) {
        return Supervisor.whichChildren(ctx, supervisor).getFirst().pid()
                .orElseThrow(() -> new IllegalStateException("the supervisor has no running worker"));
    }

    private static void answer(ProcessContext ctx, Pid worker, int incarnation) {
        Object answer = GenServer.call(ctx, worker, WHO);
        if (!answer.equals(incarnation)) {
            throw new IllegalStateException("expected incarnation " + incarnation + " to answer, but " + answer + " did");
        }
    }
}
