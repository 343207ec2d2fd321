package dev.cascade.gate;

import dev.cascade.gate.internal.BaselineUpdate;
import dev.cascade.gate.internal.Snapshot;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * {@code cascade:baseline}: writes the baseline from the current result records. It only ever
 * tightens: a test that got worse by its rule is refused (nothing is written) unless
 * {@code -Dcascade.accept="why"} is given, and then the reason, the date and the Cascade version are
 * recorded beside the entry.
 *
 * <pre>{@code
 * mvn test cascade:baseline
 * mvn test cascade:baseline -Dcascade.accept="gateway now retries 5 times (PAY-123)"
 * }</pre>
 */
@Mojo(name = "baseline", threadSafe = true)
public class BaselineMojo extends GateMojo {
    /** The reason for accepting a change for the worse; without it such a change is refused. */
    @Parameter(property = "cascade.accept")
    private String accept;

    /** The plugin, for the Cascade version recorded with an acceptance. */
    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("cascade:baseline skipped (cascade.skip)");
            return;
        }
        List<Snapshot> runs = readResults();
        if (runs.isEmpty()) {
            throw new MojoFailureException("cascade:baseline found no result records in " + relative(results)
                    + "; run the tests first: mvn test cascade:baseline");
        }
        Optional<String> reason = Optional.ofNullable(accept).map(String::strip).filter(s -> !s.isEmpty());
        BaselineUpdate update = BaselineUpdate.of(readBaseline(), runs, compiledRules(), reason,
                LocalDate.now(ZoneOffset.UTC).toString(), plugin.getVersion());
        update.notes().forEach(note -> getLog().info("cascade:baseline: " + note));
        if (!update.refused().isEmpty()) {
            throw new MojoFailureException("cascade:baseline only tightens; not written, because:" + System.lineSeparator() + "  "
                    + String.join(System.lineSeparator() + "  ", update.refused()) + System.lineSeparator()
                    + "If this is intended, give the reason: mvn test cascade:baseline -Dcascade.accept=\"why\"");
        }
        try {
            update.baseline().write(baseline.toPath());
        } catch (RuntimeException unwritable) {
            throw new MojoExecutionException("cascade: " + unwritable.getMessage(), unwritable);
        }
        getLog().info("cascade:baseline wrote " + relative(baseline) + " (" + update.baseline().entries().size() + " tests)");
    }
}
