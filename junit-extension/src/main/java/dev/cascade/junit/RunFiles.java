package dev.cascade.junit;

import dev.cascade.report.Explained;
import dev.cascade.report.Report;
import dev.cascade.report.SuiteIndex;
import dev.cascade.simulation.SimulatedScheduler;
import dev.cascade.trace.Trace;
import dev.cascade.trace.TraceFile;
import dev.cascade.trace.TraceRecord;
import org.junit.jupiter.api.MediaType;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The files of a test: its result record ({@code results/<test id>.json}, every test) and, for a failing test
 * (every test with {@code cascade.report=always}), its run's files in {@code <test id>/}, published with
 * {@code publishFile}. The root is {@code cascade.outputDir}, {@code target/cascade} by default.
 */
final class RunFiles {
    static final String OUTPUT_DIR = "cascade.outputDir";

    private final TestRun run;
    private final Path root;
    private final List<String> written = new ArrayList<>();

    private RunFiles(TestRun run, Path root) {
        this.run = run;
        this.root = root;
    }

    static RunFiles of(ExtensionContext context, TestRun run) {
        return new RunFiles(run, root(context));
    }

    static Path root(ExtensionContext context) {
        return Path.of(context.getConfigurationParameter(OUTPUT_DIR).orElse("target/cascade"));
    }

    /** Where a test's run files go, as failure messages name it. */
    static Path directoryOf(TestRun run) {
        return root(run.context).resolve(run.id.file());
    }

    /**
     * The run's files: {@code outcome.txt} (seed, replay, checks, simulations, ledgers, accounting), and for each
     * traced tree its {@code cascade-trace/1} trace, HTML report and Chrome trace ({@code <tree>.trace.json},
     * {@code <tree>.html}, {@code <tree>.chrome-trace.json}), and {@code failure.txt}; each report is listed in
     * the suite index, {@code index.html} in the output folder.
     */
    void writeRun(ExtensionContext context, Checks checks, Optional<Throwable> thrown, boolean failed) {
        Path directory = root.resolve(run.id.file());
        StringBuilder outcome = new StringBuilder();
        outcome.append("test: ").append(run.id.display()).append('\n').append(Failures.block(run)).append("\n\nchecks:\n");
        checks.results().forEach(result -> outcome.append("  ").append(result.check()).append(": ").append(result.result()).append('\n'));
        for (SimulatedScheduler simulation : run.simulations()) {
            outcome.append("simulation: ").append(simulation.report().summary()).append('\n');
        }
        Optional<Failures.LastCrash> lastCrash = run.lastCrash();
        for (TreeSeen tree : run.seen()) {
            TestRun.Started started = tree.started();
            outcome.append("\ntree ").append(started.name()).append(" (root ").append(started.tree().root()).append(")\nledger:\n")
                    .append(started.tree().ledger());
            if (tree instanceof TreeSeen.Traced traced) {
                outcome.append("accounting: ").append(traced.trace().accounting()).append('\n');
                report(context, directory, started, traced.trace(), failed, lastCrash.filter(crash -> crash.tree().equals(started.name())));
            }
        }
        write(context, directory, "outcome.txt", outcome.toString());
        thrown.ifPresent(failure -> write(context, directory, "failure.txt", stackTrace(failure)));
    }

    private void report(ExtensionContext context, Path directory, TestRun.Started started, Trace trace, boolean failed,
            Optional<Failures.LastCrash> crash) {
        StringWriter json = new StringWriter();
        try {
            TraceFile.write(TraceRecord.of(started.name(), started.tree(), started.spec()), json);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        Report report = Report.of(json.toString())
                .withVerdict("test", failed ? "FAIL" : "PASS")
                .withBackend(started.scheduler() instanceof SimulatedScheduler simulation
                        ? simulation.backend().name().toLowerCase(java.util.Locale.ROOT) : "real")
                .withReplay(run.id.replay(run.seed.value()))
                .withSpecVerdicts(run.verdicts().stream().map(dev.cascade.report.SpecVerdict::of).toList());
        report = crash.map(last -> new Explained(last.event().id(), last.explanation().steps().stream()
                .map(step -> new Explained.Step(step.text(), step.events())).toList())).map(report::withExplanation).orElse(report);
        Report.Written files = report.writeTo(directory);
        publish(context, files.trace(), MediaType.APPLICATION_JSON);
        publish(context, files.html(), MediaType.create("text", "html", StandardCharsets.UTF_8));
        publish(context, files.chromeTrace(), MediaType.APPLICATION_JSON);
        Index.of(context, root).add(SuiteIndex.Run.of(run.id.display() + (run.trees().size() > 1 ? " " + started.name() : ""),
                failed ? "FAIL" : "PASS", report, files.html())).write();
    }

    /** The run's suite index: one per test run (the root context), rewritten as reports are added. */
    private record Index(SuiteIndex index) {
        static SuiteIndex of(ExtensionContext context, Path root) {
            return context.getRoot().getStore(ExtensionContext.Namespace.create(Index.class))
                    .getOrComputeIfAbsent(root, key -> new Index(SuiteIndex.in(root)), Index.class).index();
        }
    }

    /** The result record, written for every test (on the run's writer thread: see {@link ResultWriter}). */
    void writeResult(ExtensionContext context, Checks checks, Optional<Throwable> thrown, boolean failed) {
        String json = ResultRecord.of(run, checks, thrown, failed, written);
        ResultWriter.of(context).write(root.resolve("results").resolve(run.id.file() + ".json"), json);
    }

    private void write(ExtensionContext context, Path directory, String name, String text) {
        Path file = directory.resolve(name);
        try {
            Files.createDirectories(directory);
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException failure) {
            throw new UncheckedIOException("could not write " + file + " (set " + OUTPUT_DIR + " to a writable folder)", failure);
        }
        publish(context, file, MediaType.TEXT_PLAIN_UTF_8);
    }

    private void publish(ExtensionContext context, Path file, MediaType type) {
        written.add(root.relativize(file).toString().replace('\\', '/'));
        context.publishFile(file.getFileName().toString(), type, target -> Files.copy(file, target));
    }

    private static String stackTrace(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
