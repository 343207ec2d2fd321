package dev.cascade.simulation;

import dev.cascade.runtime.Node;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.runtime.RuntimeListener;
import dev.cascade.runtime.Timeout;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Issue 3 item 3: the same seed gives the same run; wake-ups the simulation does not own are named, never accepted silently. */
class NondeterminismTests {

    /** Ten processes that each send to every other one and log what they receive, in whatever order the seed gives. */
    static List<String> gossip(SimulatedScheduler sim) {
        try (Node node = Node.start(sim, RuntimeListener.NONE)) {
            return node.run(ctx -> {
                List<String> log = new ArrayList<>();
                List<Pid> peers = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    peers.add(ctx.spawn(peer -> {
                        @SuppressWarnings("unchecked") // the only List sent to it is the peers
                        List<Pid> everyone = (List<Pid>) peer.receive(m -> m instanceof List, Timeout.INFINITY).orElseThrow();
                        for (Pid other : everyone) {
                            peer.send(other, "hello from " + peer.self());
                        }
                        for (int got = 0; got < everyone.size(); got++) {
                            log.add(peer.self() + " got " + peer.receive(m -> true, Timeout.INFINITY).orElseThrow());
                        }
                    }));
                }
                peers.forEach(peer -> ctx.send(peer, List.copyOf(peers)));
                while (log.size() < 100) {
                    ctx.sleep(Duration.ofMillis(1));
                }
                return List.copyOf(log);
            });
        }
    }

    @Test
    void the_same_seed_replays_the_same_run_step_for_step() {
        DeterminismCheck.Result<List<String>> check = DeterminismCheck.run(2026, NondeterminismTests::gossip);
        assertThat(check.reproducible()).as(check.describe()).isTrue();
        assertThat(check.first().steps()).isGreaterThan(20);
        assertThat(check.result()).hasSize(100);
    }

    @Test
    void different_seeds_interleave_differently() {
        Set<List<String>> runs = new HashSet<>();
        for (long seed = 0; seed < 5; seed++) {
            runs.add(gossip(SimulatedScheduler.withSeed(seed)));
        }
        assertThat(runs).hasSize(5);
    }

    private static SimulationReport runAndReport(long seed, dev.cascade.runtime.ProcessFunction<Object> body) {
        SimulatedScheduler sim = SimulatedScheduler.withSeed(seed);
        try (Node node = Node.start(sim, RuntimeListener.NONE)) {
            node.run(body);
        }
        return sim.report();
    }

    private static Object timedJdkWait(ProcessContext ctx) throws InterruptedException {
        return new LinkedBlockingQueue<String>().poll(20, TimeUnit.MILLISECONDS); // a timed JDK wait: real clock
    }

    @Test
    void a_timed_jdk_wait_inside_a_process_is_reported_as_not_reproducible_naming_the_call_and_its_caller() {
        SimulationReport report = runAndReport(1, NondeterminismTests::timedJdkWait);
        assertThat(report.reproducible()).isFalse();
        assertThat(report.nondeterminism()).isNotEmpty().allSatisfy(cause ->
                assertThat(cause.kind()).isEqualTo(Nondeterminism.Kind.JDK_TIMED_WAIT));
        assertThat(report.nondeterminism().get(0).describe())
                .contains("LinkedBlockingQueue.poll")
                .contains("NondeterminismTests.timedJdkWait(NondeterminismTests.java:")
                .contains("real clock");
        assertThat(report.summary()).contains("NOT reproducible");
    }

    @Test
    void a_wake_up_from_a_foreign_thread_pool_is_reported_naming_the_thread_that_woke_it() {
        try (ExecutorService foreign = Executors.newSingleThreadExecutor(task -> new Thread(task, "billing-sdk-pool"))) {
            SimulationReport report = runAndReport(1, ctx -> {
                Thread process = Thread.currentThread();
                return CompletableFuture.supplyAsync(() -> {
                    // answer only once the process is parked in join(), so the answer is a wake-up
                    await().atMost(Duration.ofSeconds(30)).until(() -> process.getState() == Thread.State.WAITING);
                    return "paid";
                }, foreign).join();
            });
            assertThat(report.reproducible()).isFalse();
            assertThat(report.nondeterminism()).anySatisfy(cause -> {
                assertThat(cause.kind()).isEqualTo(Nondeterminism.Kind.FOREIGN_WAKE_UP);
                assertThat(cause.detail()).contains("billing-sdk-pool");
                assertThat(cause.thread()).startsWith("cascade");
            });
        }
    }

    @Test
    void synchronized_contention_between_processes_is_reported_as_monitor_contention() {
        Object monitor = new Object();
        SimulationReport report = runAndReport(1, ctx -> {
            Pid self = ctx.self();
            for (int i = 0; i < 2; i++) {
                ctx.spawn(worker -> {
                    synchronized (monitor) { // the first holds it across a virtual sleep; the second blocks on it
                        worker.sleep(Duration.ofMillis(10));
                    }
                    worker.send(self, "done");
                });
            }
            ctx.receive(m -> m.equals("done"), Timeout.INFINITY);
            return ctx.receive(m -> m.equals("done"), Timeout.INFINITY);
        });
        assertThat(report.reproducible()).isFalse();
        assertThat(report.nondeterminism()).anySatisfy(cause ->
                assertThat(cause.kind()).isEqualTo(Nondeterminism.Kind.MONITOR_CONTENTION));
    }

    @Test
    void a_run_that_only_waits_in_the_runtime_is_reproducible() {
        SimulationReport report = runAndReport(5, ctx -> {
            ctx.sleep(Duration.ofSeconds(3));
            return ctx.receive(m -> true, Timeout.ofMillis(10));
        });
        assertThat(report.reproducible()).isTrue();
        assertThat(report.nondeterminism()).isEmpty();
        assertThat(report.summary()).contains("seed 5").contains("reproducible").doesNotContain("NOT");
    }
}
