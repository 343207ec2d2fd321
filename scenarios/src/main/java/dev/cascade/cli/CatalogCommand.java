package dev.cascade.cli;

import dev.cascade.catalog.Catalog;
import dev.cascade.catalog.CatalogRun;
import dev.cascade.catalog.Entry;
import dev.cascade.catalog.Finding;
import dev.cascade.catalog.Story;
import dev.cascade.scenario.Scenario;
import dev.cascade.scenario.ScenarioFormatException;
import dev.cascade.scenario.ScenarioReader;
import dev.cascade.simulation.SimulatedScheduler;
import dev.cascade.spec.Verdict;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code cascade catalog list | show ID | run [ID…] [--out DIR] | probe TREE.json}: the catalog's
 * entries, one entry's story, each entry's bad and fixed trees run with the check's verdicts (and an
 * HTML report of each run), or every probe on a user's tree. Exit status: 0 when all is well (every
 * bad tree caught and every fixed one passing; a probe found nothing), 1 when not, 2 for bad usage
 * or an invalid tree file.
 */
final class CatalogCommand {
    static final String USAGE = """
            usage: cascade catalog list
                   cascade catalog show ID
                   cascade catalog run [ID...] [--out DIR]
                   cascade catalog probe TREE.json
              list    the entries: id, name, whether they have a probe
              show    one entry's story: problem, symptom, fix, references, the check
              run     runs each entry's bad and fixed tree (simulated, seed 0) and prints the check's verdicts;
                      writes an HTML report of each run under DIR (default cascade-out/catalog)
              probe   runs every probe on the tree of a cascade-scenario/1 file (its faults are not used);
                      exit 1 when any finds its problem""";

    private final PrintStream out;
    private final PrintStream err;

    CatalogCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int execute(List<String> args) {
        if (args.isEmpty()) {
            return usage("catalog needs a subcommand: list, show, run or probe");
        }
        if (args.getFirst().equals("--help") || args.getFirst().equals("-h")) {
            out.println(USAGE);
            return 0;
        }
        try {
            Options options = Options.parse(args.toArray(String[]::new), 1, Set.of(),
                    args.getFirst().equals("run") ? Map.of("--out", "DIR") : Map.of());
            List<String> rest = options.operandsOnce(args.getFirst().equals("run") ? "entry id" : "argument");
            return switch (args.getFirst()) {
                case "list" -> rest.isEmpty() ? list() : usage("catalog list takes no arguments but got " + shown(rest));
                case "show" -> rest.size() == 1 ? show(rest.getFirst()) : usage("catalog show takes one entry id but got " + shown(rest));
                case "run" -> run(rest, options.value("--out").map(Path::of).orElse(Path.of("cascade-out", "catalog")));
                case "probe" -> rest.size() == 1 ? probe(rest.getFirst()) : usage("catalog probe takes one tree file but got " + shown(rest));
                default -> usage("unknown catalog subcommand \"" + Shown.value(args.getFirst()) + "\" (expected list, show, run or probe)");
            };
        } catch (BadInput bad) {
            err.println(bad.line());
            if (bad.showsUsage()) {
                err.println(USAGE);
            }
            return 2;
        }
    }

    private int list() {
        for (Catalog entry : Catalog.values()) {
            out.printf("%-26s %-62s %s%n", entry.id(), entry.entry().name(), entry.probesFiles() ? "probe" : "probe (Java trees)");
        }
        return 0;
    }

    private int show(String id) {
        Catalog entry = Catalog.byId(id).orElse(null);
        if (entry == null) {
            return usage(unknown(id));
        }
        Entry story = entry.entry();
        out.println(story.name() + " (" + story.id() + ")");
        out.println();
        out.println("Problem: " + story.problem());
        out.println();
        out.println("Symptom: " + story.symptom());
        out.println();
        out.println("Fix: " + story.fix());
        out.println();
        out.println("Check: " + entry.check().name() + " (fails on " + story.bad().name() + ", passes on " + story.fixed().name() + ")");
        out.println("Probe: " + (entry.probesFiles() ? "cascade catalog probe TREE.json, or from Java Catalog." + entry.name()
                + ".probe(spec) on your SupervisorSpec" : "on Java trees only: " + entry.whyJavaOnly().orElseThrow()));
        out.println("References:");
        story.references().forEach(reference -> out.println("  - " + reference));
        return 0;
    }

    private int run(List<String> ids, Path dir) {
        List<Catalog> entries = new ArrayList<>();
        for (String id : ids) {
            Catalog entry = Catalog.byId(id).orElse(null);
            if (entry == null) {
                return usage(unknown(id));
            }
            entries.add(entry);
        }
        if (entries.isEmpty()) {
            entries.addAll(List.of(Catalog.values()));
        }
        boolean allCaught = true;
        for (Catalog entry : entries) {
            out.println(entry.entry().name() + " (" + entry.id() + ")");
            Verdict bad = runOne(entry, entry.entry().bad(), dir);
            Verdict fixed = runOne(entry, entry.entry().fixed(), dir);
            boolean caught = bad.failed() && fixed.passed();
            out.println("  " + (caught ? "caught: the check fails on the bad tree and passes on the fixed one"
                    : "NOT CAUGHT: the check should fail on the bad tree and pass on the fixed one"));
            out.println();
            allCaught &= caught;
        }
        out.println("reports written under " + dir);
        return allCaught ? 0 : 1;
    }

    private Verdict runOne(Catalog entry, Story story, Path dir) {
        CatalogRun run = story.run(SimulatedScheduler.withSeed(0));
        Verdict verdict = entry.check(run);
        out.println("  " + story.name() + ": " + verdict.text().replace("\n", "\n    "));
        Path html = CatalogReports.write(run, verdict, dir);
        out.println("    report: " + html);
        return verdict;
    }

    private int probe(String file) {
        Inputs.Input input = Inputs.read(file);
        Scenario tree;
        try {
            tree = ScenarioReader.read(input.bytes());
        } catch (ScenarioFormatException invalid) {
            err.println(Shown.value(file) + ": " + Shown.escape(invalid.getMessage()));
            return 2;
        }
        List<Finding> findings = new ArrayList<>();
        out.printf("%-26s %-8s %s%n", "entry", "result", "explanation");
        for (Catalog entry : Catalog.values()) {
            if (!entry.probesFiles()) {
                out.printf("%-26s %-8s %s%n", entry.id(), "-", "probes Java trees only (cascade catalog show " + entry.id() + ")");
                continue;
            }
            List<Finding> found = entry.probe(tree);
            if (found.isEmpty()) {
                out.printf("%-26s %-8s %s%n", entry.id(), "clean", "");
            }
            for (Finding finding : found) {
                out.printf("%-26s %-8s %s: %s%n", entry.id(), "FOUND", finding.path(), finding.explanation());
            }
            findings.addAll(found);
        }
        out.println(findings.isEmpty() ? "no probe found its problem in " + file
                : findings.size() + " finding(s) in " + file + "; see `cascade catalog show ID` for each entry's fix");
        return findings.isEmpty() ? 0 : 1;
    }

    private int usage(String problem) {
        err.println("cascade: " + problem);
        err.println(USAGE);
        return 2;
    }

    private static String unknown(String id) {
        return "no catalog entry \"" + Shown.value(id) + "\" (entries: " + String.join(", ", List.of(Catalog.values()).stream().map(Catalog::id).toList()) + ")";
    }

    private static String shown(List<String> words) {
        return words.stream().map(Shown::value).toList().toString();
    }
}
