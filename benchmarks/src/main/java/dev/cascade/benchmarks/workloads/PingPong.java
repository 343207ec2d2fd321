package dev.cascade.benchmarks.workloads;

import dev.cascade.runtime.Node;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ProcessContext;

/**
 * W2: two processes exchange {@value #ROUND_TRIPS} round trips. A pinger sends its own pid to an
 * echo process and waits for it to come back before sending the next ({@code send}/{@code receive}
 * on both sides); measured from the pinger's start to its last answer, and checked: every one of
 * the round trips came back. Figure: round trips per second, in millions.
 *
 * <p>{@link #ping} and {@link #echo} are also the JMH {@code PingPongBenchmark}'s, whose score counts
 * deliveries (two per round trip).
 */
public final class PingPong implements Workload {
    static final int ROUND_TRIPS = 1_000_000;

    @Override
    public String id() {
        return "W2";
    }

    @Override
    public String description() {
        return "two processes exchange 1,000,000 round trips";
    }

    @Override
    public Sample run(Node node) {
        Pid echo = node.spawn(PingPong::echo);
        Span span = Span.start(node.scheduler());
        node.run(ctx -> ping(ctx, echo, ROUND_TRIPS));
        span.stop();
        return span.sample(new Metric("throughput", "M rt/s", ROUND_TRIPS / (span.wallNanos() / 1e9) / 1e6));
    }

    /** Sends {@code roundTrips} messages to {@code echo}, one at a time, each answered before the next. */
    public static int ping(ProcessContext ctx, Pid echo, int roundTrips) {
        Pid self = ctx.self();
        int back = 0;
        for (int i = 0; i < roundTrips; i++) {
            ctx.send(echo, self);
            if (ctx.receive() == self) {
                back++;
            }
        }
        if (back != roundTrips) {
            throw new IllegalStateException("the echo process returned " + back + " of " + roundTrips + " messages");
        }
        return back;
    }

    /** Answers every message (a pid) by sending it back to that pid. */
    public static void echo(ProcessContext ctx) {
        while (true) {
            Pid from = (Pid) ctx.receive();
            ctx.send(from, from);
        }
    }
}
