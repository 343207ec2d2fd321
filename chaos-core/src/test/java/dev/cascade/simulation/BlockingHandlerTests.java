package dev.cascade.simulation;

import dev.cascade.genserver.GenServer;
import dev.cascade.runtime.CallFailedException;
import dev.cascade.runtime.Node;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.RuntimeListener;
import dev.cascade.runtime.Timeout;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.ReentrantLock;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 3 item 2: handlers block in simulation exactly as in real mode, and the run stays reproducible. */
class BlockingHandlerTests {

    @Test
    void nested_calls_from_inside_handlers_return_through_every_level() {
        DeterminismCheck.Result<String> check = DeterminismCheck.run(3, sim -> {
            try (Node node = Node.start(sim, RuntimeListener.NONE)) {
                return node.run(ctx -> {
                    Pid c = GenServer.startLink(ctx, Handler.calls((server, request) -> "c(" + request + ")")).pid();
                    Pid b = GenServer.startLink(ctx, Handler.calls((server, request) -> "b(" + GenServer.call(server, c, request) + ")")).pid();
                    Pid a = GenServer.startLink(ctx, Handler.calls((server, request) -> "a(" + GenServer.call(server, b, request) + ")")).pid();
                    return (String) GenServer.call(ctx, a, "x");
                });
            }
        });
        assertThat(check.result()).isEqualTo("a(b(c(x)))");
        assertThat(check.reproducible()).as(check.describe()).isTrue();
    }

    @Test
    void a_call_inside_a_handler_that_times_out_fails_that_handler_on_virtual_time() {
        SimulatedScheduler sim = SimulatedScheduler.withSeed(3);
        try (Node node = Node.start(sim, RuntimeListener.NONE)) {
            String answer = node.run(ctx -> {
                Pid slow = GenServer.startLink(ctx, Handler.calls((server, request) -> {
                    server.sleep(Duration.ofSeconds(2));
                    return "late";
                })).pid();
                Pid impatient = GenServer.startLink(ctx, Handler.calls((server, request) -> {
                    try {
                        return GenServer.call(server, slow, request, Timeout.ofMillis(500));
                    } catch (CallFailedException timedOut) {
                        return "gave up at " + server.nanoTime() / 1_000_000 + " ms";
                    }
                })).pid();
                return (String) GenServer.call(ctx, impatient, "work");
            });
            assertThat(answer).isEqualTo("gave up at 500 ms");
            assertThat(sim.report().reproducible()).isTrue();
        }
    }

    @Test
    void java_util_concurrent_locks_queues_and_a_handlers_own_virtual_threads_are_simulated_too() {
        DeterminismCheck.Result<List<Object>> check = DeterminismCheck.run(11, sim -> {
            try (Node node = Node.start(sim, RuntimeListener.NONE)) {
                ReentrantLock shared = new ReentrantLock();
                LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();
                return node.run(ctx -> {
                    Pid holder = GenServer.startLink(ctx, Handler.calls((server, request) -> {
                        shared.lock();
                        try {
                            server.sleep(Duration.ofSeconds(1)); // holds the lock across a virtual second
                            return "held";
                        } finally {
                            shared.unlock();
                        }
                    })).pid();
                    Pid consumer = GenServer.startLink(ctx, Handler.calls((server, request) -> {
                        Thread producer = Thread.ofVirtual().start(() -> {
                            shared.lock(); // waits for the holder, then produces
                            try {
                                queue.add("made at " + server.nanoTime() / 1_000_000 + " ms");
                            } finally {
                                shared.unlock();
                            }
                        });
                        String made = queue.take();
                        producer.join();
                        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                            return made + ", " + CompletableFuture.supplyAsync(() -> "joined", pool).join();
                        }
                    })).pid();
                    GenServer.cast(ctx, holder, "go"); // unused cast is ignored by Handler
                    Pid caller = ctx.spawn(c -> GenServer.call(c, holder, "hold"));
                    ctx.sleep(Duration.ofMillis(1)); // the holder now holds the lock
                    return List.of(caller.serial() > 0, GenServer.call(ctx, consumer, "consume"));
                });
            }
        });
        assertThat(check.result()).containsExactly(true, "made at 1000 ms, joined");
        assertThat(check.reproducible()).as(check.describe()).isTrue();
    }
}
