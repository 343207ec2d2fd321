package dev.cascade.simulation;

import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.InitResult;
import dev.cascade.runtime.ExitMessage;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.Node;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.runtime.RuntimeListener;
import dev.cascade.runtime.Timeout;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.Supervisor;
import dev.cascade.supervisor.SupervisorSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's simulated-mode example, compiled and run; keep the two in step. */
class ReadmeSimulationExampleTests {

    /** A worker with nothing to do but be crashed. */
    static final class Worker implements GenServer<Object> {
        @Override
        public InitResult<Object> init(ProcessContext ctx) {
            return InitResult.ok("ready");
        }
    }

    @Test
    void a_crash_loop_exceeds_the_intensity_in_virtual_time_and_replays_from_its_seed() {
        // README: begin simulation
        SimulatedScheduler sim = SimulatedScheduler.withSeed(42);
        SupervisorSpec spec = SupervisorSpec.oneForOne()
                .withIntensity(3, Duration.ofSeconds(5))
                .withChild(ChildSpec.worker("worker", Worker::new));
        try (Node node = Node.start(sim, RuntimeListener.NONE)) {
            ExitReason gaveUp = node.run(ctx -> {          // this thread drives the simulation
                ctx.trapExit(true);
                Pid supervisor = Supervisor.startLink(ctx, spec).pid();
                for (int i = 0; i < 4; i++) {                // one crash a second: 4 restarts in 5 s is one too many
                    ctx.sleep(Duration.ofSeconds(1));        // virtual: costs no wall time
                    Supervisor.whichChildren(ctx, supervisor).getFirst().pid()
                            .ifPresent(worker -> ctx.exit(worker, ExitReason.custom("boom")));
                }
                ExitMessage exit = (ExitMessage) ctx.receive(m -> m instanceof ExitMessage, Timeout.INFINITY).orElseThrow();
                return exit.reason();                        // the supervisor gave up
            });
            assertThat(gaveUp).isEqualTo(ExitReason.SHUTDOWN);
            assertThat(sim.now()).isEqualTo(Duration.ofSeconds(4));
        }
        System.out.println(sim.report().summary());          // seed 42, executor backend, 32 steps, 4000 ms virtual, reproducible
        // README: end simulation
        assertThat(sim.report().reproducible()).isTrue();
    }
}
