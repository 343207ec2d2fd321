package dev.cascade.gate;

import dev.cascade.gate.internal.Baseline;
import dev.cascade.gate.internal.ResultRecords;
import dev.cascade.gate.internal.Rules;
import dev.cascade.gate.internal.Snapshot;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/**
 * What both goals read: the result records of the test run, the committed baseline and the rules.
 *
 * <pre>{@code
 * mvn verify                                   # cascade:check
 * mvn test cascade:baseline                    # write or tighten src/test/cascade/baseline.json
 * }</pre>
 */
abstract class GateMojo extends AbstractMojo {
    /** The project. */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /** The JUnit extension's result records ({@code cascade.outputDir}/results). */
    @Parameter(property = "cascade.results", defaultValue = "${project.build.directory}/cascade/results")
    protected File results;

    /** The committed baseline. */
    @Parameter(property = "cascade.baseline", defaultValue = "${project.basedir}/src/test/cascade/baseline.json")
    protected File baseline;

    /** The rules, JaCoCo style; the first whose glob matches a test applies; unmatched tests: all metrics, noWorse. */
    @Parameter
    protected List<Rule> rules = new ArrayList<>();

    /** Skips the goal. */
    @Parameter(property = "cascade.skip", defaultValue = "false")
    protected boolean skip;

    /** The rules, checked. */
    protected Rules compiledRules() throws MojoExecutionException {
        try {
            return Rules.of(rules == null ? List.of() : rules);
        } catch (IllegalArgumentException invalid) {
            throw new MojoExecutionException("cascade: invalid <rules>: " + invalid.getMessage(), invalid);
        }
    }

    /** The result records; a malformed one fails naming the file. */
    protected List<Snapshot> readResults() throws MojoExecutionException {
        try {
            return ResultRecords.readAll(results.toPath(), project.getBasedir().toPath());
        } catch (RuntimeException unreadable) {
            throw new MojoExecutionException("cascade: " + unreadable.getMessage(), unreadable);
        }
    }

    /** The baseline; empty when the file does not exist. */
    protected Baseline readBaseline() throws MojoExecutionException {
        try {
            return Baseline.read(baseline.toPath());
        } catch (RuntimeException unreadable) {
            throw new MojoExecutionException("cascade: " + unreadable.getMessage(), unreadable);
        }
    }

    /** The project-relative path of a file, for messages. */
    protected String relative(File file) {
        java.nio.file.Path base = project.getBasedir().toPath().toAbsolutePath();
        java.nio.file.Path path = file.toPath().toAbsolutePath();
        return path.startsWith(base) ? base.relativize(path).toString() : path.toString();
    }
}
