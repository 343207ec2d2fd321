package dev.cascade.cli.otp;

import dev.cascade.scenario.Outcome;
import dev.cascade.scenario.OutcomeEvent;
import dev.cascade.scenario.DynamicSupervisorNode;
import dev.cascade.scenario.Scenario;
import dev.cascade.chaos.FaultPlan;
import dev.cascade.scenario.ScenarioNode;
import dev.cascade.scenario.SupervisorNode;
import dev.cascade.scenario.WorkerNode;
import dev.cascade.supervisor.Restart;
import dev.cascade.supervisor.Shutdown;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The format's determinism conditions against real OTP (scenario-format.md, Determinism), checked
 * on Cascade's simulated run: when one fails, OTP's outcome is not reproducible and a difference
 * from it means nothing, so the scenario is <em>set aside</em> with the reasons, instead of
 * compared. The conditions, each with a margin of 50 ms:
 * <ul>
 *   <li>each fault comes after the previous faults' cascade ended (found by running the scenario
 *       without it), and the run ends after the last cascade ended;</li>
 *   <li>no restart decision (an exit or a failed start) falls near a whole second after fault time
 *       zero, where OTP's restart clock ticks;</li>
 *   <li>counting a supervisor's restarts in OTP 25's whole seconds and in exact time gives the same
 *       decisions;</li>
 *   <li>a trapping worker's {@code terminate_delay_ms} is not near its {@code shutdown_ms}.</li>
 * </ul>
 */
final class Margins {
    static final long MARGIN_MS = 50;
    /** How long a run without the later faults goes on, to see where the earlier cascade ends. */
    private static final Duration LOOK_AHEAD = Duration.ofSeconds(60);

    private Margins() {}

    /** Why {@code scenario} is set aside; empty when its OTP outcome is comparable. */
    static List<String> check(Scenario scenario, Outcome simulated, Function<Scenario, Outcome> simulate) {
        List<String> why = new ArrayList<>();
        shutdownRaces(scenario.tree(), scenario.tree().id(), why);
        List<FaultPlan.Timed> faults = scenario.faults().stream()
                .sorted((a, b) -> a.at().compareTo(b.at())).toList(); // stable: equal times keep file order
        if (simulated.events().stream().anyMatch(e -> e instanceof OutcomeEvent.StartFailed f && isRoot(scenario, f.path()))) {
            return why; // the tree did not start: no faults, no timing
        }
        for (int i = 1; i < faults.size(); i++) {
            long at = faults.get(i).at().toMillis();
            long ended = lastCascadeEvent(simulate.apply(withFaults(scenario, faults.subList(0, i))));
            if (ended > at - MARGIN_MS) {
                why.add("fault " + describe(faults.get(i)) + " comes at " + at + " ms, but the cascade of the faults"
                        + " before it goes on until " + ended + " ms (the format asks for " + MARGIN_MS + " ms between)");
            }
        }
        long end = (faults.isEmpty() ? 0 : faults.getLast().at().toMillis()) + scenario.settle().toMillis();
        long ended = lastCascadeEvent(simulate.apply(withFaults(scenario, faults)));
        if (ended > end - MARGIN_MS) {
            why.add("the run ends at " + end + " ms, but the cascade goes on until " + ended + " ms (settle_ms must leave "
                    + MARGIN_MS + " ms after it)");
        }
        wholeSeconds(scenario, simulated, why);
        return why;
    }

    /**
     * How far behind Cascade's times OTP's run was, over the events both have after fault time zero:
     * a busy machine delays OTP's processes, and beyond {@link #MARGIN_MS} the format's margins no
     * longer protect the comparison.
     */
    static long lateness(Outcome cascade, Outcome otp, OutcomeDiff diff) {
        long late = 0;
        for (int[] pair : diff.matches()) {
            long ours = cascade.events().get(pair[0]).tMs().orElse(-1);
            long theirs = otp.events().get(pair[1]).tMs().orElse(-1);
            if (ours >= 0 && theirs >= 0) {
                late = Math.max(late, theirs - ours);
            }
        }
        return late;
    }

    private static boolean isRoot(Scenario scenario, String path) {
        return path.equals(scenario.tree().id());
    }

    private static Scenario withFaults(Scenario scenario, List<FaultPlan.Timed> faults) {
        long last = faults.isEmpty() ? 0 : faults.getLast().at().toMillis();
        long end = Math.max(last, scenario.faults().stream().mapToLong(f -> f.at().toMillis()).max().orElse(0));
        return new Scenario(scenario.name(), scenario.tree(), faults,
                Duration.ofMillis(end - last).plus(scenario.settle()).plus(LOOK_AHEAD));
    }

    /** The time of the last event after fault time zero that is not a skipped fault; -inf when none. */
    private static long lastCascadeEvent(Outcome outcome) {
        return outcome.events().stream()
                .filter(e -> !(e instanceof OutcomeEvent.FaultSkipped))
                .mapToLong(e -> e.tMs().orElse(Long.MIN_VALUE))
                .filter(t -> t >= 0)
                .max().orElse(Long.MIN_VALUE / 2);
    }

    private static String describe(FaultPlan.Timed timed) {
        return OtpScope.kind(timed.fault()) + " on " + timed.fault().target();
    }

    private static void shutdownRaces(ScenarioNode node, String path, List<String> why) {
        switch (node) {
            case SupervisorNode supervisor -> supervisor.children()
                    .forEach(child -> shutdownRaces(child, path + "/" + child.id(), why));
            case DynamicSupervisorNode dynamic -> { } // refused before margins are looked at (OtpScope)
            case WorkerNode worker -> {
                if (worker.shutdown() instanceof Shutdown.Timeout timeout && worker.trapExit()
                        && !worker.terminateDelay().isZero()
                        && Math.abs(timeout.duration().toMillis() - worker.terminateDelay().toMillis()) < MARGIN_MS) {
                    why.add(path + ": shutdown_ms " + timeout.duration().toMillis() + " and terminate_delay_ms "
                            + worker.terminateDelay().toMillis() + " are less than " + MARGIN_MS + " ms apart");
                }
            }
        }
    }

    /**
     * Restart decisions near OTP's whole seconds, and supervisors whose give-up decision would differ
     * between exact time and OTP 25's whole seconds. A decision is an exit of a child that its restart
     * type restarts, or a failed start (each retry counts).
     */
    private static void wholeSeconds(Scenario scenario, Outcome simulated, List<String> why) {
        Map<String, List<Long>> restarts = new HashMap<>();
        java.util.Set<String> reported = new java.util.HashSet<>(); // one disagreement per supervisor says enough
        for (OutcomeEvent event : simulated.events()) {
            long t = event.tMs().orElse(-1);
            String parent = parentOf(event.path());
            if (event instanceof OutcomeEvent.Started started && scenario.node(started.path()).orElseThrow() instanceof SupervisorNode) {
                restarts.remove(started.path()); // a new incarnation counts afresh
            }
            if (t < 0 || parent == null || !decision(scenario, event)) {
                continue;
            }
            long intoSecond = Math.floorMod(t, 1000);
            if (intoSecond < MARGIN_MS || intoSecond > 1000 - MARGIN_MS) {
                why.add("a restart decision of " + parent + " at " + t + " ms (" + EventLines.line(event)
                        + ") is within " + MARGIN_MS + " ms of one of OTP's whole seconds");
            }
            SupervisorNode supervisor = (SupervisorNode) scenario.node(parent).orElseThrow();
            List<Long> times = restarts.computeIfAbsent(parent, p -> new ArrayList<>());
            times.add(t);
            long period = supervisor.period().toSeconds();
            long exact = times.stream().filter(s -> t - s <= period * 1000).count();
            long whole = times.stream().filter(s -> Math.floorDiv(t, 1000) - Math.floorDiv(s, 1000) <= period).count();
            if ((exact > supervisor.intensity()) != (whole > supervisor.intensity()) && reported.add(parent)) {
                why.add(parent + " counts " + exact + " restarts within " + period + " s at " + t + " ms in exact time but "
                        + whole + " in OTP 25's whole seconds, against intensity " + supervisor.intensity());
            }
        }
    }

    private static boolean decision(Scenario scenario, OutcomeEvent event) {
        return switch (event) {
            case OutcomeEvent.StartFailed f -> true;
            case OutcomeEvent.Exited e -> restarts(scenario, e.path(), e.reason());
            case OutcomeEvent.SupervisorTerminated e -> restarts(scenario, e.path(), e.reason());
            default -> false;
        };
    }

    private static boolean restarts(Scenario scenario, String path, String reason) {
        boolean normalish = reason.equals("normal") || reason.equals("shutdown") || reason.startsWith("shutdown:");
        Restart restart = switch (scenario.node(path).orElseThrow()) {
            case WorkerNode w -> w.restart();
            case SupervisorNode s -> s.restart();
            case DynamicSupervisorNode d -> d.restart();
        };
        return restart == Restart.PERMANENT || restart == Restart.TRANSIENT && !normalish;
    }

    private static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? null : path.substring(0, slash);
    }
}
