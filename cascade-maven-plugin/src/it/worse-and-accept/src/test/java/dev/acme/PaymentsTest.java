package dev.acme;

import dev.cascade.chaos.ChaosTree;
import dev.cascade.chaos.Fault;
import dev.cascade.junit.CascadeTest;
import dev.cascade.junit.Tree;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.SupervisorSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;

@CascadeTest
class PaymentsTest {
    @Tree
    static SupervisorSpec payments() {
        return SupervisorSpec.oneForOne().withIntensity(10, Duration.ofSeconds(5))
                .withChild(ChildSpec.worker("gateway", Worker::new))
                .withChild(ChildSpec.worker("ledger", Worker::new));
    }

    /** The committed baseline has one restart of the gateway; the code now kills it twice: worse. */
    @Test
    void gatewayCrashes(ChaosTree tree) {
        for (int i = 0; i < 2; i++) {
            tree.inject(Fault.kill("root/gateway"));
            tree.runFor(Duration.ofMillis(100));
        }
    }
}
