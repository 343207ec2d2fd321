package dev.cascade.benchmarks;

import dev.cascade.benchmarks.workloads.Workload;
import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.Result;
import dev.cascade.runtime.Node;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.RuntimeListener;
import dev.cascade.runtime.Scheduler;
import dev.cascade.runtime.Timeout;
import dev.cascade.runtime.Tracing;
import dev.cascade.trace.SchedulerInfo;
import dev.cascade.trace.Trace;
import dev.cascade.trace.TraceFile;
import dev.cascade.trace.TraceRecord;
import dev.cascade.trace.TreeShape;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The trace figures of issue 13, from one run (not a JMH benchmark: it measures memory, once):
 * writing and reading back a {@code cascade-trace/1} file of a run of about 1,000,000 events (time,
 * peak heap, file size), and a traced W3 iteration with {@link Tracing#ON} against
 * {@link Tracing#bounded(int)}: the live heap at its end (the trace only grows, so that is its peak)
 * and the peak heap used. Run after {@code mvn -pl benchmarks -am package -DskipTests}:
 *
 * <pre>{@code
 * java -Xmx4g -cp benchmarks/target/benchmarks.jar dev.cascade.benchmarks.TraceFigures
 * }</pre>
 */
public final class TraceFigures {
    private static final int PRODUCERS = 8;

    private TraceFigures() {}

    public static void main(String[] args) throws Exception {
        fileFigures();
        w3Figures(Tracing.ON);
        w3Figures(Tracing.bounded(1_000));
    }

    private static void fileFigures() throws Exception {
        int castsEach = 41_667; // 8 x 41,667 casts, each sent, delivered and handled: about 1,000,000 events
        Trace trace;
        SchedulerInfo info;
        try (Node node = Node.start(Scheduler.real(), RuntimeListener.NONE, Tracing.ON)) {
            flood(node, castsEach);
            trace = node.trace();
            info = SchedulerInfo.of(node.scheduler());
        }
        TraceRecord record = new TraceRecord("cast-flood", info, TreeShape.NONE, trace, List.of());
        Path file = Files.createTempFile("cascade", ".trace.json");
        try {
            long held = liveHeap();
            resetPeaks();
            long start = System.nanoTime();
            TraceFile.write(record, file);
            long wrote = System.nanoTime() - start;
            long writePeak = peakHeap();
            print("write %,d events: %.0f ms, %.1f MB file, live heap before %.0f MB (the trace in memory), peak heap %.0f MB",
                    trace.events().size(), wrote / 1e6, Files.size(file) / 1e6, held / 1e6, writePeak / 1e6);
            record = null;
            trace = null;
            long before = liveHeap();
            resetPeaks();
            start = System.nanoTime();
            TraceRecord back = TraceFile.read(file);
            long read = System.nanoTime() - start;
            long readPeak = peakHeap();
            long after = liveHeap();
            print("read  %,d events: %.0f ms, live heap before %.0f MB, peak heap %.0f MB, live heap after %.0f MB (the record read)",
                    back.trace().events().size(), read / 1e6, before / 1e6, readPeak / 1e6, after / 1e6);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void w3Figures(Tracing tracing) {
        long before = liveHeap();
        resetPeaks();
        try (Node node = Node.start(Scheduler.real(), RuntimeListener.NONE, tracing)) {
            long start = System.nanoTime();
            Workload.byId("W3").run(node);
            long took = System.nanoTime() - start;
            long peak = peakHeap();
            long live = liveHeap();
            Trace trace = node.trace();
            print("W3 traced %s: %.1f s, %,d events kept, %,d left out, live heap at its end %.0f MB above the %.0f MB before,"
                            + " peak heap used %.0f MB; accounting %s", tracing, took / 1e9, trace.events().size(),
                    trace.leftOut().events(), (live - before) / 1e6, before / 1e6, peak / 1e6, trace.accounting());
        }
    }

    private static void flood(Node node, int castsEach) {
        node.run(ctx -> {
            Pid counter = GenServer.startLink(ctx, new Tally()).pid();
            Pid coordinator = ctx.self();
            List<Pid> producers = new ArrayList<>();
            for (int p = 0; p < PRODUCERS; p++) {
                producers.add(ctx.spawn(producer -> {
                    for (int i = 0; i < castsEach; i++) {
                        GenServer.cast(producer, counter, "cast");
                    }
                    producer.send(coordinator, "sent");
                }));
            }
            for (int p = 0; p < producers.size(); p++) {
                ctx.receive(message -> "sent".equals(message), Timeout.INFINITY);
            }
            return GenServer.call(ctx, counter, "get", Timeout.INFINITY);
        });
    }

    private static long liveHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void resetPeaks() {
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The sum of the heap pools' peak usage since the last reset (an upper bound of the peak heap used). */
    private static long peakHeap() {
        return heapPools().stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP).toList();
    }

    private static void print(String format, Object... values) {
        System.out.println(String.format(Locale.ROOT, format, values));
    }

    /** Counts the casts it handles; a call answers the count. */
    private static final class Tally implements GenServer<Long> {
        @Override
        public dev.cascade.genserver.InitResult<Long> init(dev.cascade.runtime.ProcessContext ctx) {
            return dev.cascade.genserver.InitResult.ok(0L);
        }

        @Override
        public dev.cascade.genserver.CallResult<Long> handleCall(Object request, dev.cascade.genserver.From from, Long handled) {
            return dev.cascade.genserver.CallResult.reply(handled, handled);
        }

        @Override
        public Result<Long> handleCast(Object message, Long handled) {
            return Result.noReply(handled + 1);
        }
    }
}
