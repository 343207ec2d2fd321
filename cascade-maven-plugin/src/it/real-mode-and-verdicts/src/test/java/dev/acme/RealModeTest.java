package dev.acme;

import dev.cascade.chaos.ChaosTree;
import dev.cascade.chaos.Fault;
import dev.cascade.junit.CascadeConditions;
import dev.cascade.junit.CascadeTest;
import dev.cascade.junit.Tree;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.SupervisorSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/**
 * On the real scheduler (virtual threads, the system clock): each kill is followed by exactly one restart, so
 * the restarts are counted exactly, while the time to recovery varies from run to run. The baseline says one
 * restart of each worker; the rule allows one more.
 */
@CascadeTest(mode = CascadeTest.Mode.REAL)
class RealModeTest {
    @Tree
    static SupervisorSpec payments() {
        return SupervisorSpec.oneForOne().withIntensity(10, Duration.ofSeconds(5))
                .withChild(ChildSpec.worker("gateway", Worker::new))
                .withChild(ChildSpec.worker("ledger", Worker::new));
    }

    /** Two restarts, one more than the baseline: within the tolerance of 1, so the gate passes it. */
    @Test
    void gatewayWithinTolerance(ChaosTree tree) {
        kill(tree, "root/gateway", 2);
    }

    /** Three restarts, two more than the baseline: beyond the tolerance of 1, so the gate fails the build. */
    @Test
    void ledgerBeyondTolerance(ChaosTree tree) {
        kill(tree, "root/ledger", 3);
    }

    private static void kill(ChaosTree tree, String path, int times) {
        for (int i = 1; i <= times; i++) {
            tree.inject(Fault.kill(path));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(CascadeConditions.incarnationAbove(tree, path, i));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(CascadeConditions.quiet(tree));
    }
}
