package dev.cascade.junit.examples;

import dev.cascade.chaos.ChaosTree;
import dev.cascade.chaos.Fault;
import dev.cascade.junit.CascadeTest;
import dev.cascade.junit.Tree;
import dev.cascade.junit.examples.shop.Gateway;
import dev.cascade.junit.examples.shop.Ledger;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.Restart;
import dev.cascade.supervisor.SupervisorSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.cascade.junit.CascadeAssertions.assertThat;

/** The north-star test of DESIGN.md ("The user's side"), as a user writes it. */
@CascadeTest
class PaymentsTest {
    @Tree
    static SupervisorSpec payments() {
        return SupervisorSpec.oneForOne().withIntensity(3, Duration.ofSeconds(5))
                .withChild(ChildSpec.worker("gateway", Gateway::new))
                .withChild(ChildSpec.worker("ledger", Ledger::new).withRestart(Restart.TRANSIENT));
    }

    @Test
    void gatewayCrashLoopEscalates(@Tree("payments") ChaosTree tree) {
        tree.inject(Fault.breachIntensity("root/gateway"));
        tree.runFor(Duration.ofSeconds(1));
        assertThat(tree.trace()).supervisor("root").gaveUp();
        assertThat(tree.trace()).lostMessages().isEmpty();
    }
}
