package dev.cascade.benchmarks.workloads;

import dev.cascade.genserver.GenServer;
import dev.cascade.runtime.Node;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.Timeout;

import java.util.ArrayList;
import java.util.List;

/**
 * W3: {@value #PRODUCERS} producer processes each cast {@value #CASTS_EACH} messages into one
 * {@link Counter} GenServer, until all are handled. The producers are spawned and waiting before
 * the clock starts; the clock starts when the coordinator tells them to go and stops when the
 * counter answers the coordinator's call made after every producer reported its last cast sent.
 * That call is queued behind every cast, so its answer is the number of casts handled, which must be
 * all {@value #PRODUCERS} x {@value #CASTS_EACH}. Figure: casts handled per second, in millions.
 */
final class CastFlood implements Workload {
    static final int PRODUCERS = 8;
    static final int CASTS_EACH = 250_000;
    static final long TOTAL = (long) PRODUCERS * CASTS_EACH;
    private static final Object GO = "go";
    private static final Object SENT = "sent";
    private static final Object CAST = "cast";

    @Override
    public String id() {
        return "W3";
    }

    @Override
    public String description() {
        return "8 producers x 250,000 casts into one GenServer that counts them, until all handled";
    }

    @Override
    public Sample run(Node node) {
        return node.run(ctx -> {
            Pid counter = GenServer.startLink(ctx, new Counter()).pid();
            Pid coordinator = ctx.self();
            List<Pid> producers = new ArrayList<>();
            for (int p = 0; p < PRODUCERS; p++) {
                producers.add(ctx.spawn(producer -> {
                    producer.receive(message -> message == GO, Timeout.INFINITY);
                    for (int i = 0; i < CASTS_EACH; i++) {
                        GenServer.cast(producer, counter, CAST);
                    }
                    producer.send(coordinator, SENT);
                }));
            }
            Span span = Span.start(node.scheduler());
            for (Pid producer : producers) {
                ctx.send(producer, GO);
            }
            for (int p = 0; p < PRODUCERS; p++) {
                ctx.receive(message -> message == SENT, Timeout.INFINITY);
            }
            long handled = (Long) GenServer.call(ctx, counter, Counter.GET, Timeout.INFINITY);
            span.stop();
            if (handled != TOTAL) {
                throw new IllegalStateException("the counter handled " + handled + " of " + TOTAL + " casts");
            }
            return span.sample(new Metric("throughput", "M msg/s", TOTAL / (span.wallNanos() / 1e9) / 1e6));
        });
    }
}
