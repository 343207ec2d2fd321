package dev.cascade.chaos;

import dev.cascade.conformance.TestScheduler;
import dev.cascade.genserver.GenServer;
import dev.cascade.runtime.Pid;
import dev.cascade.supervisor.SupervisorSpec;
import dev.cascade.trace.Trace;
import dev.cascade.trace.TraceEvent;

import java.util.List;
import java.util.function.BooleanSupplier;

/** Starting chaos trees on the scheduler the tests run on, and reading what happened to a path. */
final class Trees {
    private Trees() {}

    /** {@code spec} as the root {@code root}, on {@link TestScheduler#create()}, traced. */
    static ChaosTree start(SupervisorSpec spec) {
        return ChaosTree.builder(spec).scheduler(TestScheduler.create()).start();
    }

    /** Waits (as the tree's time runs) until {@code condition} holds; fails after 10 s. */
    static void await(ChaosTree tree, String what, BooleanSupplier condition) {
        tree.node().run(ctx -> {
            TestScheduler.eventually(ctx, what, condition);
            return null;
        });
    }

    /** Waits until {@code path} has had {@code count} incarnations and one of them is alive. */
    static void awaitIncarnations(ChaosTree tree, String path, int count) {
        await(tree, path + " at incarnation " + count,
                () -> tree.incarnations(path) >= count && tree.whereis(path).isPresent());
    }

    /** The live process at {@code path}; fails if there is none. */
    static Pid pid(ChaosTree tree, String path) {
        return tree.whereis(path).orElseThrow(() -> new AssertionError("no live process at " + path));
    }

    /** Casts {@code message} to the process at {@code path} from outside the tree. */
    static void cast(ChaosTree tree, String path, Object message) {
        Pid to = pid(tree, path);
        tree.node().run(ctx -> {
            GenServer.cast(ctx, to, message);
            return null;
        });
    }

    /** The exit reasons of {@code path}'s incarnations, in order, as {@code describe()} spells them. */
    static List<String> exits(Trace trace, String path) {
        return trace.events(TraceEvent.Exited.class).stream()
                .filter(exited -> exited.process().isAt(path))
                .map(exited -> exited.reason().describe())
                .toList();
    }

    /** What {@code path}'s incarnations handled, in order. */
    static List<TraceEvent.Handled> handled(Trace trace, String path) {
        return trace.events(TraceEvent.Handled.class).stream()
                .filter(handled -> handled.by().isAt(path))
                .toList();
    }
}
