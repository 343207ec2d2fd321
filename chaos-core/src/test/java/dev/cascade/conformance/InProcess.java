package dev.cascade.conformance;

import dev.cascade.runtime.Node;
import dev.cascade.runtime.ProcessBody;
import dev.cascade.runtime.RuntimeListener;
import dev.cascade.runtime.Scheduler;

/** Runs a test body as a process on a fresh node, closed afterwards. Assertions inside fail the test. */
public final class InProcess {
    private InProcess() {}

    /** On a node with the scheduler the tests run on ({@link TestScheduler#create()}). */
    public static void run(ProcessBody body) {
        run(TestScheduler.create(), RuntimeListener.NONE, body);
    }

    /** On a node with {@code scheduler} and {@code listener}. */
    public static void run(Scheduler scheduler, RuntimeListener listener, ProcessBody body) {
        try (Node node = Node.start(scheduler, listener)) {
            node.run(ctx -> {
                body.run(ctx);
                return null;
            });
        }
    }
}
