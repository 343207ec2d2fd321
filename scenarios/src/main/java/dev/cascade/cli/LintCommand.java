package dev.cascade.cli;

import dev.cascade.catalog.Lint;
import dev.cascade.scenario.Scenario;
import dev.cascade.scenario.ScenarioFormatException;
import dev.cascade.scenario.ScenarioReader;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code cascade lint TREE.json…}: static checks of each file's tree, no run ({@link Lint}); one
 * located line per finding. Exit status 0 when no file has a finding, 1 when one has, 2 for bad
 * usage or an invalid file.
 */
final class LintCommand {
    static final String USAGE = """
            usage: cascade lint TREE.json...
              Checks each cascade-scenario/1 file's tree without running it: a root at the default
              intensity, a temporary child under one_for_all, workers and supervisors mixed under a
              root with a short period. Exit 1 when anything is found.""";

    private final PrintStream out;
    private final PrintStream err;

    LintCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int execute(List<String> files) {
        if (files.isEmpty() || files.contains("--help")) {
            (files.isEmpty() ? err : out).println(USAGE);
            return files.isEmpty() ? 2 : 0;
        }
        try { // the words as every command reads them: no flags here, each file once
            Options.parse(files.toArray(String[]::new), 0, Set.of(), Map.of()).operandsOnce("tree file");
        } catch (BadInput bad) {
            err.println("cascade lint: " + bad.getMessage());
            return 2;
        }
        int found = 0;
        for (String name : files) {
            Scenario scenario;
            try {
                scenario = ScenarioReader.read(Inputs.read(name).bytes());
            } catch (ScenarioFormatException invalid) {
                err.println(Shown.value(name) + ": " + Shown.escape(invalid.getMessage()));
                return 2;
            } catch (BadInput unreadable) {
                err.println(unreadable.line());
                return 2;
            }
            for (Lint.Finding finding : Lint.check(scenario)) {
                out.println(Shown.value(name) + ": " + finding.text());
                found++;
            }
        }
        out.println(found == 0 ? "lint: nothing found" : "lint: " + found + " finding(s)");
        return found == 0 ? 0 : 1;
    }
}
