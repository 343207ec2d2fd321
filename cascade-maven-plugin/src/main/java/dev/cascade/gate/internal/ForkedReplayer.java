package dev.cascade.gate.internal;

import dev.cascade.internal.Echo;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Replays one test in a forked JVM on the project's test class path with {@code cascade.seed=<seed>},
 * writing its record under {@code outputDir/results/} and the files it publishes under {@code outputDir/junit/<test id>/}
 * (not where the test run published its own), then reads that record.
 *
 * @param java        the {@code java} executable
 * @param classPath   the project's test class path followed by the launcher and {@link ReplayMain}
 * @param jvmOptions  options for the forked JVM (the surefire argLine the extension's README gives)
 * @param workingDir  the project's folder (the tests' working directory under Maven)
 * @param outputDir   where the replay's records go ({@code target/cascade/replay})
 * @param timeoutSeconds how long one replay may take
 */
public record ForkedReplayer(Path java, List<String> classPath, List<String> jvmOptions, Path workingDir, Path outputDir,
                             long timeoutSeconds) implements Gate.Replayer {
    @Override
    public Snapshot replay(Snapshot run) throws IOException, InterruptedException {
        if (run.uniqueId().isEmpty()) {
            throw new IOException("its record has no unique_id to select it by");
        }
        Path record = outputDir.resolve("results").resolve(run.test() + ".json");
        Files.deleteIfExists(record);
        Files.createDirectories(outputDir);
        Path published = outputDir.resolve("junit").resolve(run.test());
        deleteTree(published);
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.add("-Dcascade.seed=" + run.seed());
        command.add("-Dcascade.outputDir=" + outputDir.toAbsolutePath());
        // Where JUnit puts the files the test publishes: the test run's own copies are in target/junit-jupiter already.
        command.add("-Djunit.platform.reporting.output.dir=" + published.toAbsolutePath());
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classPath));
        command.add(ReplayMain.class.getName());
        command.add(run.uniqueId());
        Path log = outputDir.resolve(run.test() + ".log");
        Process process = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("the replay took longer than " + timeoutSeconds + " s (cascade.replayTimeout); its output: " + log);
        }
        if (process.exitValue() != 0 || !Files.exists(record)) {
            throw new IOException("the replay exited " + process.exitValue() + " without writing " + record
                    + "; its output: " + log + " (" + lastLine(log) + ")");
        }
        return ResultRecords.read(record, workingDir);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static String lastLine(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        String last = lines.isEmpty() ? "no output" : lines.getLast();
        return Echo.value(last);
    }
}
