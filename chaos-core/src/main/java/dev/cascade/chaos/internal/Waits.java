package dev.cascade.chaos.internal;

import dev.cascade.runtime.Node;
import dev.cascade.simulation.SimulatedScheduler;
import dev.cascade.trace.TraceEvent;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/** Letting a chaos tree's time pass: for a while, until a moment, or until a condition holds. */
public final class Waits {
    private static final int TAIL = 10;

    private Waits() {}

    /** Lets {@code duration} of the tree's time pass: virtual time when simulated, real time otherwise. */
    public static void runFor(LiveTree tree, Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("runFor needs a duration >= 0 but got " + duration);
        }
        tree.node().run(ctx -> {
            ctx.sleep(duration);
            return null;
        }, duration.plus(Node.RUN_LIMIT));
    }

    /** Lets the tree's time run until {@code at} since fault time zero (at once if it already has). */
    public static void runUntil(LiveTree tree, Duration at) {
        Duration remaining = at.minus(tree.sinceStart());
        if (remaining.isPositive()) {
            runFor(tree, remaining);
        }
    }

    /**
     * Runs the simulated tree until {@code holds}, checked each time it settles at an instant, for at
     * most {@code max}; the virtual time it took.
     *
     * @throws AssertionError with the condition, the time, the seed and the trace's last events, when it
     *     is still false and nothing more is due within {@code max}
     * @throws IllegalStateException on the real scheduler
     */
    public static Duration runUntil(LiveTree tree, String condition, BooleanSupplier holds, Duration max) {
        Node node = tree.node();
        if (!(node.scheduler() instanceof SimulatedScheduler sim)) {
            throw new IllegalStateException("runUntil(\"" + condition + "\") needs a simulated tree; this one runs on "
                    + node.scheduler().description() + ": wait with Awaitility instead (await().untilAsserted(...))");
        }
        Duration start = sim.now();
        if (sim.runUntil(holds, max)) {
            return sim.now().minus(start);
        }
        long zero = tree.zero();
        StringBuilder tail = new StringBuilder();
        if (tree.traced()) {
            List<TraceEvent> events = node.trace().events();
            for (TraceEvent event : events.subList(Math.max(0, events.size() - TAIL), events.size())) {
                tail.append(String.format(Locale.ROOT, "%n  #%d at %d ms: %s", event.id(),
                        Duration.ofNanos(event.atNanos() - zero).toMillis(), event.describe()));
            }
        }
        throw new AssertionError("Expecting " + condition + " within " + max.toMillis() + " ms of virtual time\n"
                + "but the tree went quiet at " + tree.sinceStart().toMillis() + " ms with it still false (nothing can run and no "
                + "timer is due before " + start.plus(max).minus(Duration.ofNanos(zero)).toMillis()
                + " ms); seed=" + sim.seed() + (tail.isEmpty() ? "" : "\nlast events:" + tail));
    }
}
