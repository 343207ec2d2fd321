package dev.cascade.junit.examples;

import dev.cascade.chaos.ChaosTree;
import dev.cascade.chaos.Fault;
import dev.cascade.junit.CascadeConditions;
import dev.cascade.junit.CascadeTest;
import dev.cascade.junit.Tree;
import dev.cascade.junit.examples.shop.Shop;
import dev.cascade.supervisor.SupervisorSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.cascade.junit.CascadeAssertions.assertThat;
import static dev.cascade.junit.CascadeAssertions.times;
import static org.awaitility.Awaitility.await;

/** The shop on the real scheduler (virtual threads, the system clock): wait with Awaitility, never with sleep. */
@CascadeTest(mode = CascadeTest.Mode.REAL)
class ShopRealModeTest {
    @Tree
    static SupervisorSpec shop() {
        return Shop.tree();
    }

    @Test
    void a_killed_cache_is_back_and_nothing_else_moved(@Tree("shop") ChaosTree tree) {
        tree.inject(Fault.kill("root/cache"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(CascadeConditions.incarnationAbove(tree, "root/cache", 1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(CascadeConditions.quiet(tree));

        assertThat(tree.trace()).process("root/cache").wasRestarted(times(1));
        assertThat(tree.trace()).process("root/payments/ledger").wasNeverRestarted();
        assertThat(tree).hasRunning("root/frontdoor/registry");
    }
}
