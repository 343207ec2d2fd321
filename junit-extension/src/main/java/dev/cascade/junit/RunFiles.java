package dev.cascade.junit;

import dev.cascade.simulation.SimulatedScheduler;
import dev.cascade.trace.Trace;
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
    /** Folders already made in this JVM: creating one that exists costs an exception inside the JDK, per test. */
    private static final java.util.Set<Path> MADE = java.util.concurrent.ConcurrentHashMap.newKeySet();

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

    private static Path root(ExtensionContext context) {
        return Path.of(context.getConfigurationParameter(OUTPUT_DIR).orElse("target/cascade"));
    }

    /** Where a test's run files go, as failure messages name it. */
    static Path directoryOf(TestRun run) {
        return root(run.context).resolve(run.id.file());
    }

    /** The run's files: outcome (seed, replay, checks, ledgers, accounting, explanation), each tree's trace, the failure. */
    void writeRun(ExtensionContext context, Checks checks, Optional<Throwable> thrown) {
        Path directory = root.resolve(run.id.file());
        StringBuilder outcome = new StringBuilder();
        outcome.append("test: ").append(run.id.display()).append('\n').append(Failures.block(run)).append("\n\nchecks:\n");
        checks.results().forEach(result -> outcome.append("  ").append(result.check()).append(": ").append(result.result()).append('\n'));
        for (SimulatedScheduler simulation : run.simulations()) {
            outcome.append("simulation: ").append(simulation.report().summary()).append('\n');
        }
        for (TestRun.Started started : run.trees()) {
            outcome.append("\ntree ").append(started.name()).append(" (root ").append(started.tree().root()).append(")\nledger:\n")
                    .append(started.tree().ledger());
            traceOf(started).ifPresent(trace -> {
                outcome.append("accounting: ").append(trace.accounting()).append('\n');
                // cascade-trace/1 (issue 13) replaces this text rendering once its writer lands.
                write(context, directory, "trace-" + started.name() + ".txt", trace.toString());
            });
        }
        write(context, directory, "outcome.txt", outcome.toString());
        thrown.ifPresent(failure -> write(context, directory, "failure.txt", stackTrace(failure)));
    }

    /** The result record, written for every test. */
    void writeResult(Checks checks, Optional<Throwable> thrown, boolean failed) {
        String json = ResultRecord.of(run, checks, thrown, failed, written);
        Path file = root.resolve("results").resolve(run.id.file() + ".json");
        try {
            if (!MADE.contains(file.getParent())) {
                Files.createDirectories(file.getParent());
                MADE.add(file.getParent());
            }
            Files.writeString(file, json, StandardCharsets.UTF_8);
        } catch (IOException failure) {
            throw new UncheckedIOException("could not write the result record " + file + " (set " + OUTPUT_DIR
                    + " to a writable folder)", failure);
        }
    }

    static Optional<Trace> traceOf(TestRun.Started started) {
        try {
            return Optional.of(started.tree().trace());
        } catch (IllegalStateException untraced) {
            return Optional.empty();
        }
    }

    private void write(ExtensionContext context, Path directory, String name, String text) {
        Path file = directory.resolve(name);
        try {
            Files.createDirectories(directory);
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException failure) {
            throw new UncheckedIOException("could not write " + file + " (set " + OUTPUT_DIR + " to a writable folder)", failure);
        }
        written.add(root.relativize(file).toString().replace('\\', '/'));
        context.publishFile(name, MediaType.TEXT_PLAIN_UTF_8, target -> Files.copy(file, target));
    }

    private static String stackTrace(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
