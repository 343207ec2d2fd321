package dev.cascade.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * File, {@code --out} and command-line problems are found before anything runs and reported with
 * the system's reason: exit status 2, one line, no stack trace, no outcome written, nothing run.
 */
class CascadeCliInputTests {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dir;

    static String scenario(String name) {
        return """
                { "format": "cascade-scenario/1", "name": "%s", "tree": { "id": "root", "children": [ { "id": "a" } ] },
                  "faults": [ { "at_ms": 10, "target": "root/a", "kind": "raise", "reason": "boom" } ], "settle_ms": 10 }
                """.formatted(name);
    }

    private int cascade(String... args) {
        return new CascadeCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).execute(args);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    /** Exit 2, the one line starting with {@code expected}, nothing run (stdout empty), no stack trace. */
    private void refusedBeforeRunning(int status, String expected) {
        assertThat(status).isEqualTo(2);
        assertThat(stderr()).startsWith(expected).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void a_directory_is_refused_as_a_directory() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("sub"));
        refusedBeforeRunning(cascade("run", sub.toString(), "--out", dir.toString()),
                "cascade: cannot read scenario file " + sub + ": it is a directory");
    }

    @Test
    void a_fifo_is_refused_without_being_opened_so_the_command_never_waits_on_it() throws Exception {
        Path fifo = dir.resolve("fifo.json");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException noMkfifo) {
            assumeTrue(false, "mkfifo is not available here: " + noMkfifo.getMessage());
            return;
        }
        assumeTrue(mkfifo.waitFor() == 0, "mkfifo failed");
        refusedBeforeRunning(cascade("run", fifo.toString(), "--out", dir.toString()),
                "cascade: cannot read scenario file " + fifo + ": not a regular file (a FIFO, a device or a socket)");
    }

    @Test
    void a_file_that_cannot_be_read_gives_the_systems_reason() {
        Path mem = Path.of("/proc/self/mem");
        assumeTrue(Files.exists(mem), "no /proc here");
        refusedBeforeRunning(cascade("run", mem.toString(), "--out", dir.toString()),
                "cascade: cannot read scenario file /proc/self/mem: ");
        assertThat(stderr()).doesNotContain("no such");
    }

    @Test
    void an_unreadable_file_is_refused_with_permission_denied() throws IOException {
        Path locked = file("locked.json", scenario("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        assumeTrue(!Files.isReadable(locked), "this user (root?) reads files without read permission");
        refusedBeforeRunning(cascade("run", locked.toString(), "--out", dir.toString()),
                "cascade: cannot read scenario file " + locked + ": permission denied");
    }

    @Test
    void a_3_gb_file_is_refused_by_its_size_without_reading_it() throws IOException {
        Path huge = dir.resolve("huge.json");
        try (RandomAccessFile sparse = new RandomAccessFile(huge.toFile(), "rw")) {
            sparse.setLength(3L << 30);
        }
        refusedBeforeRunning(cascade("run", huge.toString(), "--out", dir.toString()),
                "cascade: cannot read scenario file " + huge + ": it is 3,221,225,472 bytes; scenario files are read up to "
                        + "33,554,432 bytes (32 MiB)");
    }

    @Test
    void out_naming_a_file_is_refused_before_the_run() throws IOException {
        Path input = file("a.json", scenario("a"));
        Path notADirectory = file("taken", "");
        refusedBeforeRunning(cascade("run", input.toString(), "--out", notADirectory.toString()),
                "cascade: --out " + notADirectory + ": it exists and is not a directory");
    }

    @Test
    void out_inside_a_file_is_refused_with_the_systems_reason() throws IOException {
        Path input = file("a.json", scenario("a"));
        Path below = file("taken", "").resolve("sub");
        refusedBeforeRunning(cascade("run", input.toString(), "--out", below.toString()),
                "cascade: --out " + below + ": cannot create it: ");
    }

    @Test
    void out_that_cannot_be_written_is_refused_before_the_run() throws IOException {
        Path input = file("a.json", scenario("a"));
        Path readOnly = Files.createDirectory(dir.resolve("read-only"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        assumeTrue(!Files.isWritable(readOnly), "this user (root?) writes into read-only directories");
        refusedBeforeRunning(cascade("run", input.toString(), "--out", readOnly.toString()),
                "cascade: --out " + readOnly + ": cannot write the outcome of scenario \"a\" to " + readOnly.resolve("a.outcome.json")
                        + ": permission denied");
    }

    @Test
    void out_in_a_file_system_nobody_writes_is_refused_before_the_run() throws IOException {
        Path input = file("a.json", scenario("a"));
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "no /proc here");
        refusedBeforeRunning(cascade("run", input.toString(), "--out", "/proc/self"),
                "cascade: --out /proc/self: cannot write the outcome of scenario \"a\" to /proc/self/a.outcome.json: ");
    }

    @Test
    void an_empty_out_is_refused_rather_than_writing_to_the_current_directory() throws IOException {
        Path input = file("a.json", scenario("a"));
        refusedBeforeRunning(cascade("run", input.toString(), "--out", ""),
                "cascade: --out needs a directory name, got an empty one; use --out . for the current directory");
    }

    @Test
    void a_repeated_seed_is_refused_rather_than_taking_the_last() throws IOException {
        Path input = file("a.json", scenario("a"));
        refusedBeforeRunning(cascade("run", input.toString(), "--seed", "1", "--seed", "2"),
                "cascade: --seed is given twice (\"1\" and \"2\"); give it once");
    }

    @Test
    void a_repeated_out_or_switch_is_refused() throws IOException {
        Path input = file("a.json", scenario("a"));
        refusedBeforeRunning(cascade("run", input.toString(), "--out", "x", "--out", "y"),
                "cascade: --out is given twice (\"x\" and \"y\"); give it once");
        err.reset();
        refusedBeforeRunning(cascade("run", input.toString(), "--sim", "--sim"), "cascade: --sim is given twice; give it once");
    }

    @Test
    void one_file_given_twice_is_refused_before_anything_runs() throws IOException {
        Path input = file("a.json", scenario("a"));
        refusedBeforeRunning(cascade("run", input.toString(), input.toString(), "--out", dir.toString()),
                "cascade: scenario file \"" + input + "\" is given twice; give it once");
        assertThat(dir.resolve("a.outcome.json")).doesNotExist();
    }

    @Test
    void run_help_prints_the_usage_with_status_0() {
        assertThat(cascade("run", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: cascade run FILE...");
        assertThat(stderr()).isEmpty();
    }

    @Test
    void two_files_of_one_scenario_name_are_refused_since_their_outcomes_would_overwrite_each_other() throws IOException {
        Path first = file("first.json", scenario("same"));
        Path second = file("second.json", scenario("same"));
        refusedBeforeRunning(cascade("run", first.toString(), second.toString(), "--out", dir.toString()),
                "cascade: " + first + " and " + second + " both hold scenario \"same\", so both outcomes would be written to "
                        + dir.resolve("same.outcome.json") + "; give each scenario its own name");
        assertThat(dir.resolve("same.outcome.json")).doesNotExist();
    }

    @Test
    void a_250_character_name_is_refused_before_the_run_with_the_systems_reason() throws IOException {
        String name = "n".repeat(250);
        Path input = file("long.json", scenario(name));
        refusedBeforeRunning(cascade("run", input.toString(), "--out", dir.toString()),
                "cascade: --out " + dir + ": cannot write the outcome of scenario \"" + "n".repeat(80) + "… (250 characters)\" to ");
        assertThat(stderr()).contains("File name too long");
    }

    @Test
    void an_echoed_argument_is_cut_to_80_characters_and_escaped() {
        String hostile = "\u001B[31m\u202E\uFEFF" + "x".repeat(200) + ".json";
        refusedBeforeRunning(cascade("run", hostile), "cascade: cannot read scenario file \\u001b[31m\\u202e\\ufeff" + "x".repeat(73)
                + "… (212 characters): no such file");
        assertThat(stderr()).hasSizeLessThan(300).doesNotContain("\u001B").doesNotContain("\u202E").doesNotContain("\uFEFF");
    }

    @Test
    void a_file_name_after_a_double_dash_may_start_with_dashes() throws IOException {
        Path input = file("--odd.json", scenario("odd"));
        assertThat(cascade("run", "--out", dir.toString(), "--", input.toString())).isZero();
        assertThat(dir.resolve("odd.outcome.json")).exists();
    }
}
