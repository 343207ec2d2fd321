package dev.cascade.benchmarks.workloads;

import dev.cascade.genserver.GenServer;
import dev.cascade.runtime.Node;
import dev.cascade.runtime.Pid;

/**
 * W4: one process makes {@value #CALLS} sequential calls to a {@link Counter} GenServer it started
 * (with the default 5-s timeout, as code calls it), each timed on its own with
 * {@link System#nanoTime} around {@code GenServer.call}. Every answer is checked to be the number
 * of calls before it. Figures: p50 and p99 of the latencies, in µs (nearest rank).
 */
final class CallLatency implements Workload {
    static final int CALLS = 100_000;

    @Override
    public String id() {
        return "W4";
    }

    @Override
    public String description() {
        return "100,000 sequential GenServer calls from another process";
    }

    @Override
    public Sample run(Node node) {
        return node.run(ctx -> {
            Pid server = GenServer.startLink(ctx, new Counter()).pid();
            Latencies latencies = new Latencies(CALLS);
            Span span = Span.start(node.scheduler());
            for (long i = 0; i < CALLS; i++) {
                long start = System.nanoTime();
                Object answer = GenServer.call(ctx, server, Counter.GET);
                latencies.record(System.nanoTime() - start);
                if ((Long) answer != i) {
                    throw new IllegalStateException("call " + i + " was answered " + answer);
                }
            }
            span.stop();
            return span.sample(new Metric("p50", "µs", latencies.percentileMicros(50)),
                    new Metric("p99", "µs", latencies.percentileMicros(99)));
        });
    }
}
