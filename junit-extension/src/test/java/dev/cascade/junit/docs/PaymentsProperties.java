package dev.cascade.junit.docs;

import dev.cascade.junit.Cascade;
import dev.cascade.junit.FaultPlan;
import dev.cascade.junit.FaultPlans;
import dev.cascade.junit.property.fixtures.Server;
import dev.cascade.spec.CascadeSpec;
import dev.cascade.supervisor.Restart;
import dev.cascade.supervisor.SupervisorSpec;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Duration;

/** The README's property, exactly as quoted there; run by ReadmePropertyExampleTests through jqwik's engine. */
public class PaymentsProperties {
    static SupervisorSpec payments() {
        return SupervisorSpec.oneForOne().withIntensity(3, Duration.ofSeconds(5))
                .withChild(Server.worker("gateway"))
                .withChild(Server.worker("ledger").withRestart(Restart.TRANSIENT));
    }

    @Property(tries = 2000, seed = "2026", afterFailure = AfterFailureMode.RANDOM_SEED)
    void gatewayFaultsNeverTouchLedger(@ForAll("gatewayFaults") FaultPlan plan) {
        Cascade.check(payments(), plan, CascadeSpec.isolation("root/gateway", "root/ledger"));
    }

    @Provide
    Arbitrary<FaultPlan> gatewayFaults() {
        return FaultPlans.forTree(payments()).targeting("root/gateway").maxFaults(8);
    }
}
