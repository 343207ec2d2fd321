package dev.cascade.benchmarks.workloads;

import dev.cascade.runtime.Node;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ProcessBody;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * W1: one process spawns {@value #PROCESSES} idle processes, each of which waits for a message.
 *
 * <ul>
 *   <li>{@code start}: from the first spawn until every process has run its body up to its
 *       {@code receive} (each counts down a latch just before it), in ms;</li>
 *   <li>{@code memory}: the used heap after a full GC with all of them waiting, minus the used heap
 *       after a full GC before the first spawn, divided by {@value #PROCESSES}, in bytes. A parked
 *       virtual thread's stack lives on the heap, so this is the whole process: cell, mailbox,
 *       thread and stack. The latches and the array of pids are allocated before the first GC.</li>
 * </ul>
 * Then, unmeasured, every process is sent a message and must end on it, which checks that all
 * {@value #PROCESSES} were alive and waiting. Real scheduler only: the figures are about threads.
 */
final class SpawnIdle implements Workload {
    static final int PROCESSES = 100_000;
    private static final Object STOP = "stop";
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    @Override
    public String id() {
        return "W1";
    }

    @Override
    public String description() {
        return "spawn 100,000 idle processes, each waiting for a message";
    }

    @Override
    public Sample run(Node node) {
        CountDownLatch started = new CountDownLatch(PROCESSES);
        CountDownLatch stopped = new CountDownLatch(PROCESSES);
        Pid[] pids = new Pid[PROCESSES];
        ProcessBody idle = ctx -> {
            started.countDown();
            if (ctx.receive() == STOP) {
                stopped.countDown();
            }
        };
        long before = usedHeapAfterGc();
        Span span = Span.start(node.scheduler());
        node.run(ctx -> {
            for (int i = 0; i < PROCESSES; i++) {
                pids[i] = ctx.spawn(idle);
            }
            return PROCESSES;
        });
        await(started, "start");
        span.stop();
        long after = usedHeapAfterGc();
        node.run(ctx -> {
            for (Pid pid : pids) {
                ctx.send(pid, STOP);
            }
            return PROCESSES;
        });
        await(stopped, "take the message they waited for");
        return span.sample(new Metric("start", "ms", span.wallNanos() / 1e6),
                new Metric("memory", "B/process", (double) (after - before) / PROCESSES));
    }

    private static void await(CountDownLatch latch, String what) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException(latch.getCount() + " of " + PROCESSES + " processes did not " + what
                        + " within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the processes to " + what, e);
        }
    }

    private static long usedHeapAfterGc() {
        System.gc();
        System.gc();
        return MEMORY.getHeapMemoryUsage().getUsed();
    }
}
