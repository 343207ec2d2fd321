package dev.cascade.simulation;

import dev.cascade.genserver.GenServer;
import dev.cascade.runtime.Node;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.RuntimeListener;
import dev.cascade.runtime.Timeout;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Issue 3 item 7: processes still blocked when a simulation ends are unwound, so long property runs keep a flat heap. */
class UnwindTests {

    /** Starts processes blocked in every way a process can be: receive, call, sleep, a latch, a lock held by another. */
    private static List<Thread> blockEverywhere(Node node, SimulatedScheduler sim) {
        List<Thread> threads = new CopyOnWriteArrayList<>();
        ReentrantLock lock = new ReentrantLock();
        node.run(ctx -> {
            Pid mute = GenServer.startLink(ctx, Handler.calls((server, request) -> {
                threads.add(Thread.currentThread());
                return server.receive(m -> false, Timeout.INFINITY);
            })).pid();
            ctx.spawn(p -> {
                threads.add(Thread.currentThread());
                p.receive(m -> false, Timeout.INFINITY);
            });
            ctx.spawn(p -> {
                threads.add(Thread.currentThread());
                GenServer.call(p, mute, "never answered", Timeout.INFINITY);
            });
            ctx.spawn(p -> {
                threads.add(Thread.currentThread());
                p.sleep(Duration.ofDays(365));
            });
            ctx.spawn(p -> {
                threads.add(Thread.currentThread());
                new CountDownLatch(1).await(); // killed: interrupted
            });
            for (int i = 0; i < 2; i++) { // one holds the lock while it waits for a message; the other waits for the lock
                ctx.spawn(p -> {
                    threads.add(Thread.currentThread());
                    lock.lockInterruptibly();
                    try {
                        p.receive(m -> false, Timeout.INFINITY);
                    } finally {
                        lock.unlock();
                    }
                });
            }
            return null;
        });
        sim.runUntilQuiet();
        return List.copyOf(threads);
    }

    @Test
    void every_thread_still_blocked_when_the_node_closes_has_ended_once_close_returns() {
        SimulatedScheduler sim = SimulatedScheduler.withSeed(9);
        List<Thread> threads;
        try (Node node = Node.start(sim, RuntimeListener.NONE)) {
            threads = blockEverywhere(node, sim);
            assertThat(threads).hasSize(7).allSatisfy(thread -> assertThat(thread.isAlive()).isTrue());
        }
        assertThat(threads).allSatisfy(thread -> assertThat(thread.getState()).isEqualTo(Thread.State.TERMINATED));
    }

    @Test
    void on_the_baton_backend_blocked_threads_are_unwound_too() {
        SimulatedScheduler sim = SimulatedScheduler.builder().seed(9).backend(Backend.BATON).build();
        List<Thread> threads;
        try (Node node = Node.start(sim, RuntimeListener.NONE)) {
            threads = blockEverywhere(node, sim);
        }
        // threads blocked outside the runtime unwind on their own carrier after their interrupt
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(threads).allSatisfy(thread -> assertThat(thread.getState()).isEqualTo(Thread.State.TERMINATED)));
    }

    @Test
    void a_property_run_of_100000_short_simulations_leaves_nothing_reachable_and_the_heap_flat() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        List<WeakReference<Object>> sample = new ArrayList<>();
        long before = 0;
        SplittableRandom random = new SplittableRandom(100_000);
        for (int run = 0; run < 100_000; run++) {
            SimulatedScheduler sim = SimulatedScheduler.withSeed(random.nextLong());
            List<Thread> left = new ArrayList<>();
            try (Node node = Node.start(sim, RuntimeListener.NONE)) {
                node.run(ctx -> {
                    Pid echo = ctx.spawn(p -> {
                        left.add(Thread.currentThread());
                        Object message = p.receive(m -> m instanceof Pid, Timeout.INFINITY).orElseThrow();
                        p.send((Pid) message, "pong");
                        p.receive(m -> false, Timeout.INFINITY); // still blocked when the run ends
                    });
                    ctx.send(echo, ctx.self());
                    return ctx.receive(m -> true, Timeout.ofMillis(5000)).orElseThrow();
                });
            }
            if (run % 10_000 == 0) {
                sample.add(new WeakReference<>(sim));
                sample.add(new WeakReference<>(left.get(0)));
            }
            if (run == 10_000) {
                before = usedAfterGc(memory);
            }
        }
        long after = usedAfterGc(memory);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            System.gc();
            assertThat(sample).allSatisfy(reference -> assertThat(reference.get()).isNull());
        });
        // 90,000 runs after the first measurement: even 200 bytes kept per run would show as 18 MB
        assertThat(after - before).as("heap growth over 90,000 runs, bytes").isLessThan(16L << 20);
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
