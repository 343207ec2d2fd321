package dev.cascade.benchmarks.junit;

import dev.cascade.chaos.ChaosTree;
import dev.cascade.junit.CascadeTest;
import dev.cascade.junit.Tree;
import dev.cascade.supervisor.SupervisorSpec;
import org.junit.jupiter.api.RepeatedTest;

/** The body as a {@code @CascadeTest}: the extension starts, checks, records and closes the tree. */
@CascadeTest
public class WithExtension {
    public static final int TESTS = 100;

    @Tree
    static SupervisorSpec workers() {
        return ChaosBody.tree();
    }

    @RepeatedTest(TESTS)
    void kill_one_worker(ChaosTree tree) {
        ChaosBody.breakAndCheck(tree);
    }
}
