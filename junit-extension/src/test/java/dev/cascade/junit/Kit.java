package dev.cascade.junit;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.OutputDirectoryCreator;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs fixture classes through the JUnit Platform's engine test kit, as a user's build would, into a folder of their own. */
final class Kit {
    final Path output;
    private final Map<String, String> parameters = new HashMap<>();

    Kit(Path folder) {
        this.output = folder.resolve("cascade");
        parameters.put(RunFiles.OUTPUT_DIR, output.toString());
    }

    Kit with(String key, String value) {
        parameters.put(key, value);
        return this;
    }

    EngineExecutionResults run(Class<?>... fixtures) {
        Path reports = output.resolveSibling("junit-files");
        return EngineTestKit.engine("junit-jupiter")
                .selectors(java.util.Arrays.stream(fixtures).map(DiscoverySelectors::selectClass).toArray(org.junit.platform.engine.DiscoverySelector[]::new))
                .enableImplicitConfigurationParameters(false)
                .configurationParameters(parameters)
                .outputDirectoryCreator(new OutputDirectoryCreator() {
                    @Override
                    public Path getRootDirectory() {
                        return reports;
                    }

                    @Override
                    public Path createOutputDirectory(TestDescriptor descriptor) throws IOException {
                        return Files.createDirectories(reports.resolve(descriptor.getUniqueId().toString().replaceAll("[^A-Za-z0-9._-]", "_")));
                    }
                })
                .execute();
    }

    /** The failures of the tests that failed, in the order they finished. */
    static List<Throwable> failures(EngineExecutionResults results) {
        return results.testEvents().failed().stream()
                .map(event -> event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow()).toList();
    }

    static String message(EngineExecutionResults results) {
        List<Throwable> failures = failures(results);
        if (failures.size() != 1) {
            throw new AssertionError("expected one failed test but " + failures.size() + " failed: " + failures);
        }
        return failures.getFirst().getMessage();
    }

    static List<String> reportEntries(EngineExecutionResults results, String key) {
        return results.allEvents().reportingEntryPublished().stream()
                .map(event -> event.getRequiredPayload(org.junit.platform.engine.reporting.ReportEntry.class).getKeyValuePairs().get(key))
                .filter(java.util.Objects::nonNull).toList();
    }

    String read(String relative) {
        try {
            return Files.readString(output.resolve(relative));
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    static Event only(List<Event> events) {
        if (events.size() != 1) {
            throw new AssertionError("expected one event but got " + events);
        }
        return events.getFirst();
    }
}
