package dev.cascade.junit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/** A build without `clean` does not hand the gate the last build's records: what is older than this build goes first. */
class StaleFilesTests {
    @TempDir
    Path folder;

    private Path file(Kit kit, String relative, Instant modified) throws IOException {
        Path file = kit.output.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{}");
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }

    @Test
    void records_and_the_index_of_an_earlier_build_are_removed_before_the_first_test_and_this_builds_are_kept() throws IOException {
        Instant buildStart = Instant.now().minus(1, ChronoUnit.HOURS);
        Kit kit = new Kit(folder).with(StaleFiles.BUILD_START, buildStart.toString());
        Path gone = file(kit, "results/dev.acme.RenamedTest.gone.json", buildStart.minus(1, ChronoUnit.DAYS));
        Path index = file(kit, "index.html", buildStart.minus(1, ChronoUnit.DAYS));
        Path otherFork = file(kit, "results/dev.acme.OtherForkTest.ran.json", buildStart.plus(1, ChronoUnit.MINUTES));

        EngineExecutionResults results = kit.run(SeedTests.Pair.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(2));
        assertThat(gone).doesNotExist();
        assertThat(index).doesNotExist();
        assertThat(otherFork).exists();
        assertThat(kit.output.resolve("results/dev.cascade.junit.SeedTests$Pair.first.json")).exists();
    }

    @Test
    void a_bad_build_start_says_what_it_takes() {
        EngineExecutionResults results = new Kit(folder).with(StaleFiles.BUILD_START, "yesterday").run(ParameterTests.Unknown.class);

        assertThat(Kit.message(results)).isEqualTo("cascade.buildStart must be an instant (2026-12-07T14:00:00Z) or epoch milliseconds "
                + "but was \"yesterday\"; leave it unset under Maven, which Cascade finds by itself");
    }

    @Test
    void under_maven_the_build_starts_when_the_maven_process_that_forked_the_test_jvm_did() {
        assumeThat(System.getProperty("sun.java.command", "")).as("a JVM forked by Maven's Surefire").contains("surefire");
        Instant jvmStart = ProcessHandle.current().info().startInstant().orElseThrow();

        assertThat(StaleFiles.mavenStart()).hasValueSatisfying(start -> assertThat(start).isBefore(jvmStart));
    }
}
