package dev.cascade.benchmarks.junit;

import dev.cascade.chaos.ChaosTree;
import dev.cascade.runtime.Scheduler;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/** The same body in plain JUnit: the test starts and closes its own simulated tree. */
public class WithoutExtension {
    @RepeatedTest(WithExtension.TESTS)
    void kill_one_worker(RepetitionInfo repetition) {
        try (ChaosTree tree = ChaosTree.builder(ChaosBody.tree()).scheduler(Scheduler.simulated(repetition.getCurrentRepetition())).start()) {
            ChaosBody.breakAndCheck(tree);
        }
    }
}
