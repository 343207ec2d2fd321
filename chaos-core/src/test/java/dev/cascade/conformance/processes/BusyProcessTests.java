package dev.cascade.conformance.processes;

import dev.cascade.conformance.InProcess;
import dev.cascade.conformance.Inbox;
import dev.cascade.conformance.Relay;
import dev.cascade.conformance.TestScheduler;
import dev.cascade.runtime.Crash;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.MonitorRef;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.runtime.RuntimeListener;
import dev.cascade.runtime.Timeout;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * otp-semantics P3: an exit signal takes effect whenever it arrives. A process whose thread is busy
 * in user code (blocked outside the runtime, or computing) dies at once: its links and monitors
 * fire, its queued messages are lost, and nothing its thread does afterwards has any effect.
 */
@ExtendWith(TestScheduler.Verify.class)
class BusyProcessTests {

    /** Records the messages each process still had queued when it died. */
    private static final class LostMessages implements RuntimeListener {
        final Map<Pid, List<Object>> byProcess = new ConcurrentHashMap<>();

        @Override
        public void processExited(Pid pid, ExitReason reason, List<Object> unhandled) {
            byProcess.put(pid, unhandled);
        }
    }

    /** What the busy thread ran into when it went on after its process had died. */
    private record Afterwards(Object receive, Object send) {}

    /** Goes on as if nothing happened: tries to read its mailbox and to send, recording what each did. */
    private static Afterwards carryOn(ProcessContext ctx, Pid observer) {
        Object received;
        try {
            received = ctx.receive(Timeout.ofMillis(0));
        } catch (Throwable unwinding) {
            received = unwinding;
        }
        Object sent;
        try {
            ctx.send(observer, "sent after death");
            sent = "sent";
        } catch (Throwable unwinding) {
            sent = unwinding;
        }
        return new Afterwards(received, sent);
    }

    /**
     * One turn of a busy loop that never calls the runtime. Under simulation there is one thread of
     * control, so the loop must hand it back now and then ({@code Thread.yield}, still no runtime
     * call) for the test's own process to run at all; on the real scheduler it just spins.
     */
    private static void spin() {
        if (TestScheduler.simulated()) {
            Thread.yield();
        } else {
            Thread.onSpinWait();
        }
    }

    private static void assertHadNoEffect(ProcessContext ctx, CompletableFuture<Afterwards> afterwards) throws Exception {
        TestScheduler.eventually(ctx, "the dead process's thread to make both attempts", afterwards::isDone);
        Afterwards attempts = afterwards.get();
        assertThat(attempts.receive()).as("a receive on the dead process's thread").isInstanceOf(Error.class);
        assertThat(attempts.send()).as("a send on the dead process's thread").isInstanceOf(Error.class);
        assertThat(Inbox.stray(ctx, String.class, "sent after death"::equals)).isEmpty();
    }

    @Nested
    class BlockedOutsideTheRuntime {

        @Test
        void p3_is_killed_at_once_with_links_and_monitors_firing_and_its_queued_messages_lost() {
            LostMessages lost = new LostMessages();
            InProcess.run(TestScheduler.create(), lost, ctx -> {
                ctx.trapExit(true);
                Pid self = ctx.self();
                CountDownLatch never = new CountDownLatch(1);
                CompletableFuture<Afterwards> afterwards = new CompletableFuture<>();
                Pid busy = ctx.spawnLink(c -> {
                    c.send(self, "blocking");
                    try {
                        never.await();
                    } catch (InterruptedException ignored) {
                        // user code that swallows the interrupt and carries on
                    }
                    afterwards.complete(carryOn(c, self));
                });
                MonitorRef ref = ctx.monitor(busy);
                Inbox.next(ctx, String.class, "blocking"::equals);
                ctx.send(busy, "queued 1");
                ctx.send(busy, "queued 2");

                ctx.exit(busy, ExitReason.kill());

                assertThat(Inbox.exitFrom(ctx, busy).reason()).isEqualTo(ExitReason.killed());
                assertThat(Inbox.down(ctx, ref).reason()).isEqualTo(ExitReason.killed());
                assertThat(ctx.isAlive(busy)).isFalse();
                assertThat(ctx.node().isAlive(busy)).isFalse();
                assertThat(lost.byProcess.get(busy)).containsExactly("queued 1", "queued 2");
                assertHadNoEffect(ctx, afterwards);
            });
        }

        @Test
        void p3_is_killed_at_once_by_a_link_signal_from_a_crashing_partner() {
            InProcess.run(ctx -> {
                Pid self = ctx.self();
                CountDownLatch never = new CountDownLatch(1);
                CompletableFuture<Afterwards> afterwards = new CompletableFuture<>();
                Pid partner = Relay.spawn(ctx, false);
                Pid busy = ctx.spawn(c -> {
                    c.link(partner);
                    c.send(self, "blocking");
                    try {
                        never.await();
                    } catch (InterruptedException ignored) {
                        // carries on regardless
                    }
                    afterwards.complete(carryOn(c, self));
                });
                MonitorRef ref = ctx.monitor(busy);
                Inbox.next(ctx, String.class, "blocking"::equals);

                Relay.order(ctx, partner, c -> {
                    throw new Crash("boom");
                });

                assertThat(Inbox.down(ctx, ref).reason().describe()).isEqualTo("error:boom");
                assertHadNoEffect(ctx, afterwards);
            });
        }
    }

    @Nested
    class Computing {

        @Test
        void p3_is_killed_at_once_though_its_thread_never_looks_at_the_runtime() {
            InProcess.run(ctx -> {
                Pid self = ctx.self();
                AtomicBoolean release = new AtomicBoolean();
                CompletableFuture<Afterwards> afterwards = new CompletableFuture<>();
                Pid busy = ctx.spawn(c -> {
                    c.send(self, "spinning");
                    while (!release.get()) {
                        spin();
                    }
                    afterwards.complete(carryOn(c, self));
                });
                MonitorRef ref = ctx.monitor(busy);
                Inbox.next(ctx, String.class, "spinning"::equals);
                ctx.send(busy, "queued");

                ctx.exit(busy, ExitReason.shutdown());

                assertThat(Inbox.down(ctx, ref).reason()).isEqualTo(ExitReason.shutdown());
                assertThat(ctx.isAlive(busy)).isFalse();
                release.set(true);
                assertHadNoEffect(ctx, afterwards);
            });
        }
    }
}
