package dev.cascade.agent;

import dev.cascade.agent.internal.Sessions;
import dev.cascade.agent.internal.VirtualClock;
import dev.cascade.chaos.ChaosTree;
import dev.cascade.conformance.TestScheduler;
import dev.cascade.runtime.Node;
import dev.cascade.runtime.RuntimeListener;
import dev.cascade.runtime.Scheduler;
import dev.cascade.simulation.SimulatedScheduler;
import example.shop.Quote;
import example.shop.SlowClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Virtual time for user code: under simulation, {@code System.currentTimeMillis}, {@code System.nanoTime}
 * and {@code Thread.sleep} in the named packages read and advance the simulation's clock; on the real
 * scheduler, and off process threads, they stay the JDK's.
 */
@ExtendWith(TestScheduler.Verify.class)
class VirtualTimeTests {
    private final Shop shop = new Shop();

    @Test
    void aSleepAndTheClockReadsOfAClassLoadedBeforeTheAgentFollowTheTreesClock() {
        new SlowClient(1); // loaded and initialised before any session: it is woven by retransformation
        try (ChaosTree tree = shop.start(UserCode.virtualTime("example.shop"))) {
            Duration before = tree.sinceStart();
            Quote quote = (Quote) Shop.charge(tree, "ann", "apple");
            assertThat(Duration.ofNanos(quote.tookNanos())).isGreaterThanOrEqualTo(Duration.ofMillis(Shop.LATENCY_MILLIS));
            if (TestScheduler.simulated()) {
                assertThat(quote.tookNanos()).as("a virtual sleep takes exactly its time").isEqualTo(Shop.LATENCY_MILLIS * 1_000_000);
                assertThat(quote.atMillis()).isEqualTo(VirtualClock.EPOCH.toEpochMilli() + tree.sinceStart().toMillis());
                assertThat(tree.sinceStart().minus(before)).isEqualTo(Duration.ofMillis(Shop.LATENCY_MILLIS));
            } else {
                assertThat(Math.abs(quote.atMillis() - System.currentTimeMillis())).as("the real clock").isLessThan(60_000);
            }
        }
    }

    @Test
    void aClassLoadedAfterTheSessionOpenedIsWovenAsItLoads() throws Exception {
        try (Instrumented session = CascadeAgent.instrument(UserCode.virtualTime("example.shop"));
             SimulatedScheduler scheduler = Scheduler.simulated(7);
             Node node = Node.start(scheduler, RuntimeListener.NONE)) {
            long took = node.run(ctx -> {
                try {
                    return (Long) Class.forName("example.shop.Stopwatch").getMethod("acrossSleep", long.class).invoke(null, 2_500L);
                } catch (ReflectiveOperationException failed) {
                    throw new AssertionError(failed);
                }
            });
            assertThat(took).isEqualTo(2_500_000_000L);
            assertThat(session.wovenClasses()).contains("example.shop.Stopwatch");
            assertThat(scheduler.report().reproducible()).isTrue();
        }
    }

    @Test
    void onlyTheNamedPackagesAreWovenAndCallsOffProcessThreadsKeepTheRealClock() throws Exception {
        try (Instrumented session = CascadeAgent.instrument(UserCode.virtualTime("example.shop"))) {
            example.other.Elsewhere.now();
            assertThat(session.wovenClasses()).contains("example.shop.SlowClient").doesNotContain("example.other.Elsewhere")
                    .allSatisfy(name -> assertThat(name).startsWith("example.shop."));
            Quote quote = new SlowClient(5).fetch("on the test thread");
            assertThat(quote.tookNanos()).isGreaterThanOrEqualTo(5_000_000L);
            assertThat(Math.abs(quote.atMillis() - System.currentTimeMillis())).isLessThan(60_000);
        }
        assertThat(Sessions.woven()).isEmpty();
    }
}
