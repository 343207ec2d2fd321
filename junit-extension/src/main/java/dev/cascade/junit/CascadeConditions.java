package dev.cascade.junit;

import dev.cascade.chaos.ChaosTree;
import dev.cascade.trace.Trace;
import org.awaitility.core.ThrowingRunnable;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Awaitility conditions for trees on the real scheduler ({@code mode = REAL}). Each is an assertion that
 * Awaitility retries; when time runs out, the failure reports the last state seen. (On the simulated scheduler,
 * use {@link ChaosTree#runUntil} instead: it fails at once when nothing more can happen.)
 *
 * <pre>{@code
 * await().atMost(Duration.ofSeconds(10)).untilAsserted(CascadeConditions.incarnationAbove(tree, "root/cache", 1));
 * await().atMost(Duration.ofSeconds(10)).untilAsserted(CascadeConditions.quiet(tree));
 * }</pre>
 */
public final class CascadeConditions {
    private CascadeConditions() {}

    /** A process holds {@code path}. */
    public static ThrowingRunnable running(ChaosTree tree, String path) {
        return () -> {
            if (tree.whereis(path).isEmpty()) {
                throw new AssertionError("Expecting " + path + " to be running but no process holds it (last seen: incarnation "
                        + tree.incarnations(path) + ", " + tree.sinceStart().toMillis() + " ms after the tree started)");
            }
        };
    }

    /** {@code path} has had more than {@code n} incarnations and one is alive. */
    public static ThrowingRunnable incarnationAbove(ChaosTree tree, String path, int n) {
        return () -> {
            int incarnations = tree.incarnations(path);
            boolean alive = tree.whereis(path).isPresent();
            if (incarnations <= n || !alive) {
                throw new AssertionError("Expecting " + path + " at an incarnation above " + n + " and running but last seen at "
                        + "incarnation " + incarnations + (alive ? ", running" : ", not running") + ", "
                        + tree.sinceStart().toMillis() + " ms after the tree started");
            }
        };
    }

    /**
     * The tree is quiet: nothing was traced since the previous check and no message is queued anywhere. Needs a
     * traced tree (the default).
     */
    public static ThrowingRunnable quiet(ChaosTree tree) {
        AtomicInteger seen = new AtomicInteger(-1);
        return () -> {
            Trace trace = tree.trace();
            int events = trace.events().size();
            int before = seen.getAndSet(events);
            long queued = trace.accounting().queued();
            if (events != before || queued > 0) {
                throw new AssertionError("Expecting the tree to be quiet but it was still busy when last seen: " + events
                        + " events (" + (before < 0 ? "first look" : (events - before) + " new since the previous look") + "), "
                        + queued + " messages queued; last event: "
                        + (trace.events().isEmpty() ? "none" : trace.events().getLast().describe()));
            }
        };
    }
}
