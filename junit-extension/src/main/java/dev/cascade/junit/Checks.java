package dev.cascade.junit;

import dev.cascade.chaos.Fault;
import dev.cascade.chaos.LedgerEntry;
import dev.cascade.simulation.Nondeterminism;
import dev.cascade.simulation.SimulatedScheduler;
import dev.cascade.simulation.SimulationReport;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The checks after a test, on what that test started only: faults that never fired, simulations that were
 * not reproducible, what a real-mode test left running.
 *
 * @param results  every check with its result, for the result record
 */
record Checks(List<String> failures, List<String> warnings, List<Result> results) {
    /** One check's result: {@code pass}, {@code fail}, {@code warn} or {@code off}. */
    record Result(String check, String result, String detail) {}

    static Checks of(TestRun run) {
        List<String> failures = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<Result> results = new ArrayList<>();
        unfired(run, failures, warnings, results);
        reproducible(run, failures, results);
        if (run.mode == CascadeTest.Mode.REAL) {
            leftovers(run, failures, warnings, results);
        }
        return new Checks(List.copyOf(failures), List.copyOf(warnings), List.copyOf(results));
    }

    private static void unfired(TestRun run, List<String> failures, List<String> warnings, List<Result> results) {
        StringBuilder text = new StringBuilder();
        int count = 0;
        for (TestRun.Started started : run.trees()) {
            List<LedgerEntry> entries = started.tree().ledger().entries();
            List<LedgerEntry> unfired = entries.stream()
                    .filter(entry -> entry.status() != LedgerEntry.Status.FIRED && !(entry.fault() instanceof Fault.OptionalFault))
                    .toList();
            if (!unfired.isEmpty()) {
                count += unfired.size();
                text.append("\nin tree ").append(started.name()).append(", the ledger:");
                entries.forEach(entry -> text.append("\n  ").append(unfired.contains(entry) ? "✗ " : "  ").append(entry));
            }
        }
        if (count == 0) {
            results.add(new Result("unfired_faults", "pass", ""));
            return;
        }
        String message = count + (count == 1 ? " planned fault" : " planned faults") + " never fired, so the test did not break "
                + "what it meant to (unfiredFaults = " + run.unfired + (run.unfired == CascadeTest.UnfiredFaults.FAIL
                ? "; mark a fault that may not fire with Fault#optional(), or set @CascadeTest(unfiredFaults = WARN)" : "")
                + "):" + text;
        switch (run.unfired) {
            case FAIL -> {
                failures.add(message);
                results.add(new Result("unfired_faults", "fail", message));
            }
            case WARN -> {
                warnings.add(message);
                results.add(new Result("unfired_faults", "warn", message));
            }
            case IGNORE -> results.add(new Result("unfired_faults", "off", message));
        }
    }

    /** What a real-mode test left running: already cleaned up; reported as {@code @CascadeTest(leftovers)} says. */
    private static void leftovers(TestRun run, List<String> failures, List<String> warnings, List<Result> results) {
        List<String> leaks = run.leaks().stream().map(leak -> "left behind: " + leak).toList();
        if (leaks.isEmpty()) {
            results.add(new Result("leftovers", "pass", ""));
            return;
        }
        switch (run.leftovers) {
            case WARN -> warnings.addAll(leaks);
            case FAIL -> failures.add(String.join("\n", leaks) + "\n(leftovers = FAIL; they were cleaned up: end what the test "
                    + "starts before it returns, or set @CascadeTest(leftovers = WARN))");
            case IGNORE -> { }
        }
        results.add(new Result("leftovers", switch (run.leftovers) {
            case WARN -> "warn";
            case FAIL -> "fail";
            case IGNORE -> "off";
        }, String.join("; ", leaks)));
    }

    private static void reproducible(TestRun run, List<String> failures, List<Result> results) {
        if (run.mode == CascadeTest.Mode.REAL) {
            results.add(new Result("reproducible", "off", "real scheduler"));
            return;
        }
        Optional<String> message = notReproducible(run);
        if (message.isEmpty()) {
            results.add(new Result("reproducible", "pass", ""));
            return;
        }
        if (!run.toldNotReproducible()) { // else the test's own failure already leads with it
            failures.add(message.get());
        }
        results.add(new Result("reproducible", "fail", message.get()));
    }

    /**
     * Why the test's simulations will not replay from its seed, if they will not: each cause the
     * simulator saw so far, with what to use instead. Empty in real mode.
     */
    static Optional<String> notReproducible(TestRun run) {
        StringBuilder text = new StringBuilder();
        for (SimulatedScheduler simulation : run.simulations()) {
            SimulationReport report = simulation.report();
            for (Nondeterminism cause : report.nondeterminism()) {
                text.append("\n  ").append(cause.describe()).append("\n    instead: ").append(remedy(cause.kind()));
            }
        }
        return text.isEmpty() ? Optional.empty() : Optional.of("the simulation was not reproducible: seed " + run.seed.value()
                + " will not replay this run, because" + text);
    }

    static String remedy(Nondeterminism.Kind kind) {
        return switch (kind) {
            case JDK_TIMED_WAIT -> "ctx.sleep, ctx.receive(..., timeout) or a call timeout, which run on the simulation's clock";
            case MONITOR_CONTENTION -> "java.util.concurrent locks instead of synchronized";
            case FOREIGN_WAKE_UP -> "run that work in a process, or in a virtual thread the handler starts";
            case BLOCKED_OUTSIDE_RUNTIME -> "add --add-opens=java.base/java.lang=ALL-UNNAMED to the test JVM (Surefire's argLine)";
        };
    }
}
