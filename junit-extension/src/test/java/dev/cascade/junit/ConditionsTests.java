package dev.cascade.junit;

import dev.cascade.chaos.ChaosTree;
import dev.cascade.junit.examples.shop.Cache;
import dev.cascade.runtime.Scheduler;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.SupervisorSpec;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Awaitility conditions for real-mode trees report the last state they saw when time runs out. */
class ConditionsTests {
    private static final SupervisorSpec CACHE = SupervisorSpec.oneForOne().withChild(ChildSpec.worker("cache", Cache::new));

    @Test
    void a_condition_that_never_holds_reports_the_last_state_seen() {
        try (ChaosTree tree = ChaosTree.builder(CACHE).scheduler(Scheduler.real()).start()) {
            assertThatThrownBy(() -> await().atMost(Duration.ofMillis(300))
                    .untilAsserted(CascadeConditions.incarnationAbove(tree, "root/cache", 1)))
                    .isInstanceOf(ConditionTimeoutException.class)
                    .hasMessageContaining("Expecting root/cache at an incarnation above 1 and running but last seen at incarnation 1, running, ");
            // a path the tree never had is a typo, refused at once rather than awaited (issue 21 item 3)
            assertThatThrownBy(() -> await().atMost(Duration.ofMillis(300)).untilAsserted(CascadeConditions.running(tree, "root/gone")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("whereis(\"root/gone\"): the tree has no path root/gone (paths: root, root/cache)");
        }
    }

    @Test
    void a_quiet_tree_is_recognised_once_nothing_new_was_traced_between_two_looks() {
        try (ChaosTree tree = ChaosTree.builder(CACHE).scheduler(Scheduler.real()).start()) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(CascadeConditions.quiet(tree));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(CascadeConditions.running(tree, "root/cache"));
        }
    }
}
