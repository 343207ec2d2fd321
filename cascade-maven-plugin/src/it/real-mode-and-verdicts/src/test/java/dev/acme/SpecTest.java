package dev.acme;

import dev.cascade.chaos.ChaosTree;
import dev.cascade.chaos.Fault;
import dev.cascade.junit.CascadeTest;
import dev.cascade.junit.Tree;
import dev.cascade.spec.CascadeRun;
import dev.cascade.spec.CascadeSpec;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.SupervisorSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.cascade.junit.CascadeAssertions.assertThat;

/** The baseline was taken with an intensity of 3 in 5 s, and rootSurvives() passed; the intensity is now 1. */
@CascadeTest
class SpecTest {
    @Tree
    static SupervisorSpec payments() {
        return SupervisorSpec.oneForOne().withIntensity(1, Duration.ofSeconds(5))
                .withChild(ChildSpec.worker("gateway", Worker::new));
    }

    /** Two gateway crashes now exceed the intensity: the root gives up, and the spec's verdict goes PASS → FAIL. */
    @Test
    void rootSurvivesTwoGatewayCrashes(ChaosTree tree) {
        for (int i = 0; i < 2; i++) {
            tree.inject(Fault.kill("root/gateway"));
            tree.runFor(Duration.ofMillis(100));
        }
        assertThat(CascadeRun.of(tree, payments())).satisfies(CascadeSpec.rootSurvives());
    }
}
