package dev.cascade.simulation;

import dev.cascade.runtime.Node;
import dev.cascade.runtime.RuntimeListener;

import java.time.Duration;

/** Run by {@link BackendTests} in a JVM without {@code --add-opens}: what a user without the flag gets. */
public final class NoFlagProbe {
    private NoFlagProbe() {}

    public static void main(String[] args) {
        for (int i = 0; i < 3; i++) {
            SimulatedScheduler sim = SimulatedScheduler.withSeed(i);
            try (Node node = Node.start(sim, RuntimeListener.NONE)) {
                node.run(ctx -> {
                    ctx.sleep(Duration.ofSeconds(1));
                    return null;
                });
            }
            System.out.println("ran on " + sim.backend() + " at " + sim.now().toMillis() + " ms");
        }
        try {
            SimulatedScheduler.builder().backend(Backend.EXECUTOR).build();
            System.out.println("executor built");
        } catch (IllegalStateException refused) {
            System.out.println("refused: " + refused.getMessage());
        }
    }
}
