package dev.cascade.gate;

import dev.cascade.gate.internal.Baseline;
import dev.cascade.gate.internal.Finding;
import dev.cascade.gate.internal.ForkedReplayer;
import dev.cascade.gate.internal.Gate;
import dev.cascade.gate.internal.GateTable;
import dev.cascade.gate.internal.IndexDrifts;
import dev.cascade.gate.internal.ReplayMain;
import dev.cascade.gate.internal.Snapshot;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code cascade:check}, bound to {@code verify}: compares the test run's result records with the
 * committed baseline by the rules and fails the build when a test drifted, naming each drift
 * (test, metric, baseline → now, seed, report). A simulated drift is replayed once from its seed in
 * a forked JVM only to classify it: the same again is a drift, a different result a determinism
 * defect. Writes {@code target/cascade/gate.md} and prints the same table, and gives the suite index
 * ({@code target/cascade/index.html}) its drift column.
 *
 * <pre>{@code
 * mvn verify -Dcascade.strict=true
 * }</pre>
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public class CheckMojo extends GateMojo {
    /** Fail the build on a drift (otherwise only report it). */
    @Parameter(property = "cascade.haltOnFailure", defaultValue = "true")
    private boolean haltOnFailure;

    /** Strict (the CI setting): a test missing from the baseline fails; otherwise it is reported as new. */
    @Parameter(property = "cascade.strict", defaultValue = "false")
    private boolean strict;

    /** Replay a simulated drift once from its seed to classify it (drift or determinism defect). */
    @Parameter(property = "cascade.replay", defaultValue = "true")
    private boolean replay;

    /** How long one replay may take, in seconds. */
    @Parameter(property = "cascade.replayTimeout", defaultValue = "300")
    private long replayTimeout;

    /** The replay JVM's options: the surefire argLine the extension's README gives. */
    @Parameter(property = "cascade.replayArgLine",
            defaultValue = "--add-opens=java.base/java.lang=ALL-UNNAMED -XX:+EnableDynamicAgentLoading -Dnet.bytebuddy.safe=true")
    private String replayArgLine;

    /** The Markdown summary (for a pull-request comment). */
    @Parameter(property = "cascade.gateReport", defaultValue = "${project.build.directory}/cascade/gate.md")
    private File gateReport;

    /** The plugin's own dependencies (the JUnit Platform launcher for replays). */
    @Parameter(defaultValue = "${plugin.artifacts}", readonly = true, required = true)
    private List<Artifact> pluginArtifacts;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("cascade:check skipped (cascade.skip)");
            return;
        }
        List<Snapshot> runs = readResults();
        if (runs.isEmpty()) {
            String message = "cascade:check found no result records in " + relative(results)
                    + "; run the tests with the Cascade JUnit extension first (mvn verify runs them)";
            if (strict) {
                throw new MojoFailureException(message + " (strict mode)");
            }
            getLog().warn(message);
            return;
        }
        Baseline committed = readBaseline();
        if (committed.entries().isEmpty() && !baseline.exists()) {
            getLog().warn("cascade:check: no baseline at " + relative(baseline) + "; write one with: mvn test cascade:baseline");
        }
        Gate.Replayer replayer = replay ? replayer() : run -> {
            throw new IOException("replay switched off (cascade.replay=false)");
        };
        List<Finding> findings;
        try {
            findings = Gate.check(runs, committed, compiledRules(), replayer);
        } catch (IllegalArgumentException unreadable) {
            throw new MojoExecutionException("cascade:check: " + unreadable.getMessage()
                    + " (in " + relative(baseline) + "; write it again with cascade:baseline)", unreadable);
        }
        List<String> table = GateTable.lines(findings, runs.size(), strict);
        write(table);
        index(runs, findings);
        List<Finding> failing = findings.stream().filter(f -> f.fails(strict)).toList();
        for (String line : table) {
            if (failing.isEmpty()) {
                getLog().info(line);
            } else {
                getLog().error(line);
            }
        }
        if (failing.isEmpty()) {
            return;
        }
        String message = failureMessage(failing);
        if (haltOnFailure) {
            throw new MojoFailureException(message);
        }
        getLog().warn(message + " (haltOnFailure=false: not failing the build)");
    }

    private String failureMessage(List<Finding> failing) {
        List<String> lines = new ArrayList<>();
        lines.add("cascade:check: " + failing.size() + " test(s) failed the gate (" + relative(gateReport) + "):");
        for (Finding finding : failing) {
            switch (finding) {
                case Finding.Drift drift -> drift.differences().forEach(d -> lines.add("  drift: " + drift.test() + " " + d.key()
                        + " " + d.change() + " (" + d.rule() + "), seed=" + drift.snapshot().seed() + ", report: " + drift.snapshot().report()));
                case Finding.DeterminismDefect defect -> defect.between().forEach(d -> lines.add("  determinism defect: " + defect.test()
                        + " " + d.key() + " was " + d.baseline().show() + " in the test run and " + d.now().show()
                        + " in its replay with the same seed=" + defect.snapshot().seed() + "; it depends on more than its seed (report: "
                        + defect.snapshot().report() + ")"));
                case Finding.Unclassified unclassified -> lines.add("  drift (replay failed: " + unclassified.why() + "): "
                        + unclassified.test() + ", seed=" + unclassified.snapshot().seed());
                case Finding.NewTest added -> lines.add("  new test (strict): " + added.test() + " is not in " + relative(baseline)
                        + "; add it with: mvn test cascade:baseline");
                default -> lines.add("  " + finding.test());
            }
        }
        lines.add("Replay one with its record's command (" + replayHint(failing) + "); if the change is intended, "
                + "accept it: mvn test cascade:baseline -Dcascade.accept=\"why\"");
        return String.join(System.lineSeparator(), lines);
    }

    private static String replayHint(List<Finding> failing) {
        return failing.stream().map(f -> switch (f) {
            case Finding.Drift d -> d.snapshot().replay();
            case Finding.DeterminismDefect d -> d.snapshot().replay();
            case Finding.Unclassified u -> u.snapshot().replay();
            default -> "";
        }).filter(s -> !s.isEmpty()).findFirst().orElse("mvn test -Dtest=... -Dcascade.seed=...");
    }

    private void write(List<String> table) throws MojoExecutionException {
        try {
            Files.createDirectories(gateReport.toPath().toAbsolutePath().getParent());
            Files.writeString(gateReport.toPath(), String.join("\n", table) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoExecutionException("cascade:check cannot write " + gateReport + ": " + e.getMessage(), e);
        }
    }

    /** The drift column of the suite index; a page it cannot update is warned about, never a reason to fail. */
    private void index(List<Snapshot> runs, List<Finding> findings) {
        Path outputDir = results.toPath().toAbsolutePath().getParent();
        try {
            IndexDrifts.write(outputDir, project.getBasedir().toPath(), runs, findings, strict).ifPresent(page ->
                    getLog().info("cascade:check: the drift of each test is in the suite index " + relative(page.toFile())));
        } catch (RuntimeException unwritable) {
            getLog().warn("cascade:check could not add the drift column to the suite index in " + relative(outputDir.toFile())
                    + ": " + unwritable.getMessage());
        }
    }

    private Gate.Replayer replayer() throws MojoExecutionException {
        List<String> classPath = new ArrayList<>();
        try {
            classPath.addAll(project.getTestClasspathElements());
            classPath.add(Path.of(ReplayMain.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        } catch (DependencyResolutionRequiredException | URISyntaxException e) {
            throw new MojoExecutionException("cascade:check cannot build the replay class path: " + e.getMessage(), e);
        }
        Set<String> projects = new HashSet<>();
        project.getArtifacts().forEach(a -> projects.add(a.getGroupId() + ":" + a.getArtifactId()));
        for (Artifact artifact : pluginArtifacts) {
            boolean platform = artifact.getGroupId().startsWith("org.junit") || artifact.getGroupId().equals("org.opentest4j")
                    || artifact.getGroupId().equals("org.apiguardian");
            if (platform && !projects.contains(artifact.getGroupId() + ":" + artifact.getArtifactId()) && artifact.getFile() != null) {
                classPath.add(artifact.getFile().getAbsolutePath());
            }
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> options = Arrays.stream(replayArgLine.strip().split("\\s+")).filter(s -> !s.isEmpty()).toList();
        return new ForkedReplayer(java, classPath, options, project.getBasedir().toPath(),
                Path.of(project.getBuild().getDirectory(), "cascade", "replay"), replayTimeout);
    }
}
