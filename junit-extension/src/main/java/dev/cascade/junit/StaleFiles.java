package dev.cascade.junit;

import dev.cascade.internal.Echo;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Removes what an earlier build left in the output folder — result records ({@code results/*.json}) and the suite
 * index ({@code index.html}) last written before this build started — once per test run, before its first test writes,
 * so that the CI gate reads this build's records only (a {@code mvn verify} without {@code clean} kept the last
 * build's).
 *
 * <p>This build started when the Maven process that forked this JVM did (found among the JVM's ancestors), or at
 * {@code cascade.buildStart} (an ISO instant or epoch milliseconds, for other build tools); when neither is known
 * nothing is removed. Nothing this build wrote is older than its start, so forks and parallel tests never remove each
 * other's files.
 */
final class StaleFiles {
    static final String BUILD_START = "cascade.buildStart";
    private static final String MAVEN_LAUNCHER = "org.codehaus.plexus.classworlds";

    private StaleFiles() {}

    /** Once per test run (the root context) and output folder. */
    static void removeOnce(ExtensionContext context, Path root) {
        context.getRoot().getStore(ExtensionContext.Namespace.create(StaleFiles.class))
                .getOrComputeIfAbsent(root, folder -> buildStart(context).map(start -> remove(root, start)).orElse(0), Integer.class);
    }

    static Optional<Instant> buildStart(ExtensionContext context) {
        Optional<String> given = context.getConfigurationParameter(BUILD_START).map(String::strip).filter(s -> !s.isEmpty());
        return given.isPresent() ? Optional.of(parse(given.get())) : mavenStart();
    }

    /** When the nearest Maven process among this JVM's ancestors started, if one is. */
    static Optional<Instant> mavenStart() {
        return Maven.START;
    }

    private static Instant parse(String text) {
        try {
            return text.chars().allMatch(Character::isDigit) ? Instant.ofEpochMilli(Long.parseLong(text)) : Instant.parse(text);
        } catch (DateTimeParseException | NumberFormatException bad) {
            throw new ExtensionConfigurationException(BUILD_START + " must be an instant (2026-12-07T14:00:00Z) or epoch "
                    + "milliseconds but was " + Echo.quoted(text) + "; leave it unset under Maven, which Cascade finds by itself", bad);
        }
    }

    /** The start of the nearest Maven process among this JVM and its ancestors, looked for once. */
    private static final class Maven {
        static final Optional<Instant> START = find();

        private static Optional<Instant> find() {
            // this JVM first: with forkCount=0 the tests run in Maven's own
            for (Optional<ProcessHandle> at = Optional.of(ProcessHandle.current()); at.isPresent(); at = at.get().parent()) {
                ProcessHandle.Info info = at.get().info();
                if (info.commandLine().filter(line -> line.contains(MAVEN_LAUNCHER)).isPresent()) {
                    return info.startInstant();
                }
            }
            return Optional.empty();
        }
    }

    /**
     * Deletes the records and the index in {@code root} last modified before {@code start} (less 2 s, for file systems
     * that keep whole seconds); how many.
     */
    static int remove(Path root, Instant buildStart) {
        Instant start = buildStart.minusSeconds(2);
        int removed = removeIfOlder(root.resolve("index.html"), start) ? 1 : 0;
        Path results = root.resolve("results");
        if (!Files.isDirectory(results)) {
            return removed;
        }
        try (DirectoryStream<Path> records = Files.newDirectoryStream(results, "*.json")) {
            for (Path record : records) {
                removed += removeIfOlder(record, start) ? 1 : 0;
            }
        } catch (IOException failed) {
            throw new UncheckedIOException("could not clear the last build's result records in " + results + " (set "
                    + RunFiles.OUTPUT_DIR + " to a writable folder)", failed);
        }
        return removed;
    }

    private static boolean removeIfOlder(Path file, Instant start) {
        try {
            if (Files.getLastModifiedTime(file).toInstant().isBefore(start)) {
                Files.delete(file);
                return true;
            }
            return false;
        } catch (NoSuchFileException gone) {
            return false;
        } catch (IOException failed) {
            throw new UncheckedIOException("could not remove " + file + ", left by an earlier build (" + failed.getMessage()
                    + "), so the CI gate would read it as this build's: remove it by hand or run mvn clean, and let the build"
                    + " write to that folder", failed);
        }
    }
}
