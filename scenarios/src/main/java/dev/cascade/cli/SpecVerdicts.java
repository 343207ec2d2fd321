package dev.cascade.cli;

import dev.cascade.scenario.Scenario;
import dev.cascade.spec.CascadeSpec;
import dev.cascade.spec.ScenarioSpecs;
import dev.cascade.spec.Verdict;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The verdicts of a scenario file's {@code specs}, checked on a simulated run of the scenario from
 * the run's seed (0 by default; also for {@code --real} runs, whose timing is not reproducible).
 */
final class SpecVerdicts {
    private SpecVerdicts() {}

    /** Prints one line (or paragraph) per spec; returns false if one failed. */
    static boolean print(Path file, Scenario scenario, long seed, PrintStream out) {
        List<CascadeSpec> specs = ScenarioSpecs.read(file, scenario);
        if (specs.isEmpty()) {
            return true;
        }
        out.println("specs (checked on a simulated run from seed " + seed + "):");
        boolean passed = true;
        for (Verdict verdict : ScenarioSpecs.check(scenario, specs, seed)) {
            out.println("  " + verdict.text().replace("\n", "\n  "));
            passed &= !verdict.failed();
        }
        return passed;
    }
}
