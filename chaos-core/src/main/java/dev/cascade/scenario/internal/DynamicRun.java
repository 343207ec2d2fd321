package dev.cascade.scenario.internal;

import dev.cascade.chaos.ChaosTree;
import dev.cascade.chaos.FaultPlan;
import dev.cascade.scenario.Outcome;
import dev.cascade.scenario.OutcomeEvent;
import dev.cascade.scenario.Scenario;
import dev.cascade.trace.Accounting;
import dev.cascade.trace.Trace;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run of a scenario whose dynamic supervisors start children: the tree's time runs from one
 * instant of the scenario to the next; at each, the starts due then are asked for (in order), then
 * the faults due then are applied, so a fault at the instant a child starts finds it started. The
 * outcome's {@code final} and {@code messages} then cover the dynamic children's paths too. Not API.
 */
public final class DynamicRun {
    private DynamicRun() {}

    /** Whether {@code scenario} has dynamic starts, and so runs here rather than as one plan from time zero. */
    public static boolean applies(Scenario scenario) {
        return !DynamicStarts.of(scenario.tree()).isEmpty();
    }

    /** Runs {@code scenario} on {@code tree} (started without a plan) until {@code settle} after its last fault or start. */
    public static void drive(ChaosTree tree, Scenario scenario) {
        FaultPlan plan = scenario.plan();
        if (!tree.started()) {
            tree.apply(plan); // planned only: every fault is skipped, the tree did not start
            return;
        }
        List<DynamicStarts.Planned> planned = DynamicStarts.of(scenario.tree());
        tree.node().run(ctx -> {
            DynamicStarts.expect(ctx, planned);
            return null;
        });
        List<Duration> instants = DynamicStarts.instants(planned, plan.faults().stream().map(FaultPlan.Timed::at).toList());
        for (Duration instant : instants) {
            tree.runUntil(instant);
            for (DynamicStarts.Planned start : planned) {
                if (start.start().at().equals(instant)) {
                    tree.node().run(ctx -> DynamicStarts.start(ctx, start));
                }
            }
            FaultPlan.Builder now = FaultPlan.builder();
            plan.faults().stream().filter(timed -> timed.at().equals(instant)).forEach(timed -> now.at(Duration.ZERO, timed.fault()));
            FaultPlan due = now.build();
            if (!due.faults().isEmpty()) {
                tree.schedule(due); // a target with no live process then is skipped when it fires, as in a builder plan
            }
        }
        tree.runUntil(scenario.span().plus(scenario.settle()));
    }

    /** {@code outcome} with every path of {@code scenario} in {@code final} and {@code messages}, dynamic children's included. */
    public static Outcome withDynamicPaths(Outcome outcome, Scenario scenario, Trace trace) {
        Map<String, Integer> live = new HashMap<>();
        for (OutcomeEvent event : outcome.events()) {
            switch (event) {
                case OutcomeEvent.Started started -> live.put(started.path(), started.incarnation());
                case OutcomeEvent.Exited exited -> live.remove(exited.path(), exited.incarnation());
                case OutcomeEvent.SupervisorTerminated ended -> live.remove(ended.path(), ended.incarnation());
                default -> { }
            }
        }
        Map<String, Accounting> byPath = trace.accountingByPath();
        Map<String, Integer> finals = new LinkedHashMap<>();
        Map<String, Accounting> messages = new LinkedHashMap<>();
        for (String path : scenario.paths()) {
            finals.put(path, outcome.finalIncarnations().containsKey(path) ? outcome.finalIncarnations().get(path) : live.get(path));
            messages.put(path, outcome.messages().getOrDefault(path, byPath.getOrDefault(path, Accounting.ZERO)));
        }
        return new Outcome(outcome.scenario(), outcome.events(), finals, outcome.ledger(), messages);
    }
}
