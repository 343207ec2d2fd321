package dev.cascade.benchmarks.junit;

import dev.cascade.chaos.ChaosTree;
import dev.cascade.chaos.Fault;
import dev.cascade.genserver.CallResult;
import dev.cascade.genserver.From;
import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.InitResult;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.SupervisorSpec;

import java.time.Duration;

import static dev.cascade.junit.CascadeAssertions.assertThat;
import static dev.cascade.junit.CascadeAssertions.times;

/** The measured test body: a 3-worker tree, one fault, an assertion. */
public final class ChaosBody {
    private ChaosBody() {}

    /** A worker that answers calls with its state. */
    public static final class Worker implements GenServer<Integer> {
        @Override
        public InitResult<Integer> init(ProcessContext ctx) {
            return InitResult.ok(0);
        }

        @Override
        public CallResult<Integer> handleCall(Object request, From from, Integer n) {
            return CallResult.reply(n, n);
        }
    }

    public static SupervisorSpec tree() {
        return SupervisorSpec.oneForOne().withIntensity(3, Duration.ofSeconds(5))
                .withChild(ChildSpec.worker("w1", Worker::new))
                .withChild(ChildSpec.worker("w2", Worker::new))
                .withChild(ChildSpec.worker("w3", Worker::new));
    }

    /** One fault and an assertion on a started tree (closing it is the caller's: the extension, or try-with-resources). */
    public static void breakAndCheck(ChaosTree tree) {
        tree.inject(Fault.kill("root/w2"));
        tree.runFor(Duration.ofMillis(100));
        assertThat(tree.trace()).process("root/w2").wasRestarted(times(1));
    }
}
