package dev.cascade.cli;

import dev.cascade.scenario.OutcomeReader;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CascadeCliTests {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int cascade(String... args) {
        return new CascadeCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).execute(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Nested
    class a_valid_file {
        @Test
        void prints_the_final_tree_and_the_events_and_writes_the_outcome(@TempDir Path dir) throws IOException {
            int status = cascade("run", "examples/rest-for-one.json", "--out", dir.toString());

            assertThat(status).isZero();
            assertThat(stdout())
                    .contains("scenario rest-for-one")
                    .contains("├─ b  #2")
                    .contains("└─ d  -")
                    .contains("exited                root/b #1 (error:boom)")
                    .contains("outcome written to " + dir.resolve("rest-for-one.outcome.json"));
            assertThat(OutcomeReader.read(Files.readString(dir.resolve("rest-for-one.outcome.json"))).finalIncarnations())
                    .containsEntry("root/b", 2)
                    .containsEntry("root/d", null);
        }
    }

    @Nested
    class bad_input_exits_with_status_2_and_runs_nothing {
        @Test
        void an_invalid_scenario_names_the_location_the_expected_values_and_what_was_found(@TempDir Path dir)
                throws IOException {
            Path file = dir.resolve("bad.json");
            Files.writeString(file, Files.readString(Path.of("examples/cache-crash.json"))
                    .replace("\"restart\": \"temporary\"", "\"restart\": \"always\""));

            int status = cascade("run", "examples/rest-for-one.json", file.toString(), "--out", dir.toString());

            assertThat(status).isEqualTo(2);
            assertThat(stderr()).isEqualTo(file + ": tree.children[1].children[1].restart: expected one of "
                    + "permanent, transient, temporary but was \"always\"" + System.lineSeparator());
            assertThat(dir.resolve("rest-for-one.outcome.json")).doesNotExist();
            assertThat(stderr()).doesNotContain("Exception").doesNotContain("\tat ");
        }

        @Test
        void a_missing_file_is_named() {
            assertThat(cascade("run", "examples/nope.json")).isEqualTo(2);
            assertThat(stderr()).startsWith("cascade: no such scenario file: examples/nope.json");
        }

        @Test
        void an_unknown_command_shows_the_usage() {
            assertThat(cascade("go")).isEqualTo(2);
            assertThat(stderr()).startsWith("cascade: unknown command \"go\" (expected: run)").contains("usage: cascade run FILE...");
        }

        @Test
        void run_without_files_is_refused() {
            assertThat(cascade("run", "--out", "x")).isEqualTo(2);
            assertThat(stderr()).startsWith("cascade: run needs at least one scenario FILE");
        }

        @Test
        void out_without_a_directory_is_refused() {
            assertThat(cascade("run", "examples/rest-for-one.json", "--out")).isEqualTo(2);
            assertThat(stderr()).startsWith("cascade: --out needs a directory");
        }

        @Test
        void an_unknown_option_is_refused() {
            assertThat(cascade("run", "--fast", "examples/rest-for-one.json")).isEqualTo(2);
            assertThat(stderr()).startsWith("cascade: unknown option \"--fast\" (expected: --out DIR)");
        }
    }

    @Test
    void help_prints_the_usage() {
        assertThat(cascade("--help")).isZero();
        assertThat(stdout()).startsWith("usage: cascade run FILE... [--out DIR]");
    }
}
