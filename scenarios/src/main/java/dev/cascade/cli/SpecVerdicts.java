package dev.cascade.cli;

import dev.cascade.scenario.Scenario;
import dev.cascade.spec.CascadeRun;
import dev.cascade.spec.CascadeSpec;
import dev.cascade.spec.ScenarioSpecs;
import dev.cascade.spec.Verdict;

import java.io.PrintStream;
import java.util.List;

/**
 * The verdicts of a scenario file's {@code specs}: observed on the simulated run the command just
 * made; for {@code --real} runs, whose timing is not reproducible, on a simulated run from the seed.
 */
final class SpecVerdicts {
    private SpecVerdicts() {}

    /** Each of a file's {@code specs} checked on {@code done}'s run, in order; empty without specs. */
    static List<Verdict> of(List<CascadeSpec> specs, Scenario scenario, Runs.Done done, Arguments arguments) {
        if (specs.isEmpty()) {
            return List.of();
        }
        if (arguments.real()) {
            return ScenarioSpecs.check(scenario, specs, arguments.seed());
        }
        CascadeRun run = CascadeRun.of(done.run());
        return specs.stream().map(spec -> spec.check(run)).toList();
    }

    /** Prints one line (or paragraph) per verdict; returns false if one failed. */
    static boolean print(List<Verdict> verdicts, long seed, PrintStream out) {
        if (verdicts.isEmpty()) {
            return true;
        }
        out.println("specs (checked on a simulated run from seed " + seed + "):");
        boolean passed = true;
        for (Verdict verdict : verdicts) {
            out.println("  " + verdict.text().replace("\n", "\n  "));
            passed &= !verdict.failed();
        }
        return passed;
    }
}
