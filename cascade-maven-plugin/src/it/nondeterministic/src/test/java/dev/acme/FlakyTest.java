package dev.acme;

import dev.cascade.chaos.ChaosTree;
import dev.cascade.chaos.Fault;
import dev.cascade.junit.CascadeTest;
import dev.cascade.junit.Tree;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.SupervisorSpec;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Depends on more than its seed: a counter file outside the simulation decides how many faults it injects. */
@CascadeTest
class FlakyTest {
    @Tree
    static SupervisorSpec payments() {
        return SupervisorSpec.oneForOne().withIntensity(10, Duration.ofSeconds(5))
                .withChild(ChildSpec.worker("gateway", Worker::new));
    }

    @Test
    void dependsOnAFile(ChaosTree tree) throws Exception {
        Path counter = Path.of("target", "runs.txt");
        int runs = Files.exists(counter) ? Integer.parseInt(Files.readString(counter).strip()) + 1 : 1;
        Files.writeString(counter, Integer.toString(runs));
        for (int i = 0; i < runs; i++) {
            tree.inject(Fault.kill("root/gateway"));
            tree.runFor(Duration.ofMillis(100));
        }
    }
}
