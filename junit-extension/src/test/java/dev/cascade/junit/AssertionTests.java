package dev.cascade.junit;

import dev.cascade.chaos.ChaosTree;
import dev.cascade.chaos.Fault;
import dev.cascade.chaos.FaultPlan;
import dev.cascade.junit.examples.shop.Cache;
import dev.cascade.runtime.Scheduler;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.SupervisorSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.cascade.junit.CascadeAssertions.assertThat;
import static dev.cascade.junit.CascadeAssertions.times;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The assertions read like the cascade they check, and fail in STYLE.md's template with the time, the seed and the explanation. */
class AssertionTests {
    private ChaosTree tree;

    @BeforeEach
    void crash_loop_in_app() {
        SupervisorSpec app = SupervisorSpec.oneForOne().withIntensity(3, Duration.ofSeconds(5))
                .withChild(ChildSpec.worker("cache", Cache::new))
                .withChild(ChildSpec.worker("api", Cache::new));
        tree = ChaosTree.builder(SupervisorSpec.oneForOne().withChild(ChildSpec.supervisor("app", app)))
                .scheduler(Scheduler.simulated(0x5eed)).start();
        tree.apply(FaultPlan.builder()
                .at(Duration.ZERO, Fault.slowHandling("root/app/api", Duration.ofSeconds(1)))
                .at(Duration.ZERO, Fault.flood("root/app/api", 12, i -> new Cache.Put("k" + i, "v")))
                .at(Duration.ofMillis(500), Fault.breachIntensity("root/app/cache"))
                .build());
        tree.runFor(Duration.ofSeconds(2));
    }

    @AfterEach
    void close() {
        tree.close();
    }

    @Test
    void navigation_passes_when_the_cascade_is_as_described() {
        EventAssert breach = assertThat(tree).trace().process("root/app/cache").crashed();
        EventAssert gaveUp = assertThat(tree).trace().supervisor("root/app").gaveUp().wasCausedBy(breach).happenedAfter(breach);
        assertThat(tree).trace().supervisor("root").restarted("root/app").wasCausedBy(gaveUp);
        assertThat(tree).trace().process("root/app/cache").wasRestarted(times(4));
        assertThat(tree).trace().lostMessages().hasSize(11);
        assertThat(tree).trace().isBalanced();
        assertThat(tree).hasRunning("root/app/api").hasIncarnations("root/app", 2);
        assertThat(tree).ledger().allFired();
    }

    @Test
    void a_supervisor_that_did_give_up() {
        assertThatThrownBy(() -> assertThat(tree).trace().supervisor("root/app").neverGaveUp())
                .hasMessage("""
                        Expecting supervisor root/app:
                          incarnation 2, started at 500 ms
                        to never have given up
                        but it gave up at 500 ms: root/app#1 gave up (4 restarts > intensity 3 in 5 s); seed=24301

                        explanation:
                          root/app/cache exited killed 4× at once (fault intensity breach on root/app/cache)
                          → root/app#1 gave up (4 restarts > intensity 3 in 5 s)
                          → root#1 restarted root/app""");
    }

    @Test
    void lost_messages_are_listed_and_the_last_one_explained() {
        assertThatThrownBy(() -> assertThat(tree).trace().lostMessages().isEmpty())
                .hasMessageStartingWith("""
                        Expecting the messages of the run:
                          11 lost
                        to have 0 lost messages
                        but 11 were lost (message #""")
                .hasMessageEndingWith("""
                        ; seed=24301

                        explanation:
                          root/app/cache exited killed 4× at once (fault intensity breach on root/app/cache)
                          → root/app#1 gave up (4 restarts > intensity 3 in 5 s)
                          → root#1 restarted root/app
                          → 11 messages lost in root/app/api#1""");
    }

    @Test
    void causal_order_is_checked_both_ways() {
        EventAssert breach = assertThat(tree).trace().process("root/app/cache").crashed();
        EventAssert gaveUp = assertThat(tree).trace().supervisor("root/app").gaveUp();
        assertThatThrownBy(() -> gaveUp.happenedBefore(breach)).hasMessageStartingWith("""
                Expecting the give-up of root/app:
                  root/app#1 gave up (4 restarts > intensity 3 in 5 s) at 500 ms
                to have happened before the first crash of root/app/cache (root/app/cache#1 exited killed at 500 ms)
                but it happened after it; seed=24301""");
        assertThatThrownBy(() -> breach.wasCausedBy(gaveUp)).hasMessageContaining("but its causal chain does not reach it; seed=24301");
    }

    @Test
    void a_path_the_tree_never_had_is_refused_listing_its_paths() {
        // a typo, not a process that is not running: refused at once (issue 21 item 3)
        assertThatThrownBy(() -> assertThat(tree).hasRunning("root/app/nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("whereis(\"root/app/nope\"): the tree has no path root/app/nope (paths: root, root/app, root/app/cache, root/app/api)");
    }

    @Test
    void a_ledger_with_a_skipped_fault() {
        tree.inject(Fault.kill("root/app/api"));
        tree.inject(Fault.slowStart("root/app/api", Duration.ofSeconds(1), 1));
        assertThatThrownBy(() -> assertThat(tree.ledger()).allFired()).hasMessageContaining("to have every fault fired\nbut 1 did not: [#5]");
        assertThat(tree.ledger()).fired(4);
        tree.close();
        assertThat(tree.ledger()).skipped(5);
    }
}
