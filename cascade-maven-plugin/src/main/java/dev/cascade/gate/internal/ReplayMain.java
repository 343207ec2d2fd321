package dev.cascade.gate.internal;

import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

/**
 * The forked JVM's entry point for a replay: runs the one test with this JUnit unique id through
 * the JUnit Platform launcher. The seed and output folder arrive as system properties
 * ({@code cascade.seed}, {@code cascade.outputDir}), which JUnit reads as configuration parameters;
 * the extension writes the replay's result record. Prints the test's failure, if any, to the replay's log.
 * Exits 0 when the test ran (whatever its outcome), 3 when no test has that id.
 */
public final class ReplayMain {
    private ReplayMain() {}

    /** {@code args[0]}: the unique id. */
    public static void main(String[] args) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectUniqueId(args[0])).build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        launcher.execute(request, summary);
        summary.getSummary().printFailuresTo(new java.io.PrintWriter(System.out, true), 40);
        if (summary.getSummary().getTestsStartedCount() == 0) {
            System.err.println("no test with the unique id " + args[0] + " on this class path");
            System.exit(3);
        }
        System.exit(0);
    }
}
