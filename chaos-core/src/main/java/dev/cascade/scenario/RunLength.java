package dev.cascade.scenario;

import dev.cascade.chaos.FaultPlan;
import dev.cascade.internal.Limits;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The one check of how long a scenario's run may last, shared by the Java DSL ({@link Scenario}'s
 * constructor) and the file reader (at {@code settle_ms}): the tree's start-up (at most every
 * worker's {@code init.delay_ms}, one after the other, and those of the dynamic children started), the
 * last fault's or dynamic start's time and the settle time
 * together may not exceed a century ({@link Limits#LONGEST}), so that every time the runner computes
 * from them — and any delay of at most a century added to one — stays exact in nanoseconds.
 */
final class RunLength {
    private RunLength() {}

    /** Why a run of {@code tree}, {@code faults} and {@code settle} would be too long, or null. */
    static String problem(SupervisorNode tree, List<FaultPlan.Timed> faults, Duration settle) {
        long startUp = 0;
        long lastStart = 0;
        Deque<ScenarioNode> todo = new ArrayDeque<>(List.of(tree));
        while (!todo.isEmpty()) {
            switch (todo.pop()) {
                case SupervisorNode supervisor -> supervisor.children().forEach(todo::push);
                case DynamicSupervisorNode dynamic -> {
                    for (DynamicStart start : dynamic.starts()) { // each start after the last fault, blocked by every init delay
                        lastStart = Math.max(lastStart, start.at().toMillis());
                        startUp = saturated(startUp, dynamic.templatesById().get(start.template()).initDelay().toMillis());
                    }
                }
                case WorkerNode worker -> startUp = saturated(startUp, worker.initDelay().toMillis());
            }
        }
        long lastFault = Math.max(lastStart, faults.stream().mapToLong(fault -> fault.at().toMillis()).max().orElse(0));
        long total = saturated(saturated(startUp, lastFault), settle.toMillis());
        if (total <= Limits.LONGEST_MS) {
            return null;
        }
        return "the run would last up to " + (total == Long.MAX_VALUE ? "more than " + Long.MAX_VALUE : total) + " ms (start-up "
                + startUp + " ms of init delays + last " + (lastStart > 0 ? "fault or start" : "fault") + " at " + lastFault + " ms + settle " + settle.toMillis()
                + " ms), more than the " + Limits.LONGEST_MS + " ms (a century) a run may last; shorten the settle time, the"
                + " fault times or the init delays";
    }

    private static long saturated(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
}
