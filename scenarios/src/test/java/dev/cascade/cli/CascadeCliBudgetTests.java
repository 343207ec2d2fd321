package dev.cascade.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A run too large to finish stops at a run budget with exit status 3, naming the budget and the flag that raises it. */
class CascadeCliBudgetTests {
    /** Ten years of virtual time with a cast every millisecond: about 3e11 messages. */
    static final String YEARS = """
            { "format": "cascade-scenario/1", "name": "years", "tree": { "id": "root", "children": [ { "id": "db" },
              { "id": "feed", "sends": [ { "to": "root/db", "every_ms": 1, "kind": "cast" } ] } ] },
              "faults": [], "settle_ms": 315360000000 }
            """;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dir;

    private int cascade(String... args) {
        return new CascadeCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).execute(args);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void a_run_past_its_step_budget_stops_with_status_3_naming_the_budget_and_the_flag() throws IOException {
        Path file = Files.writeString(dir.resolve("years.json"), YEARS);

        int status = cascade("run", file.toString(), "--out", dir.toString(), "--max-steps", "20000");

        assertThat(status).isEqualTo(3);
        assertThat(stderr()).startsWith(file + ": stopped: the simulation reached its step budget of 20,000 steps (at virtual time ")
                .contains("raise it with --max-steps N (now 20000)")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(dir.resolve("years.outcome.json")).doesNotExist();
    }

    @Test
    void the_step_budget_stops_every_run_of_a_seed_at_the_same_place() throws IOException {
        Path file = Files.writeString(dir.resolve("years.json"), YEARS);
        assertThat(cascade("run", file.toString(), "--out", dir.toString(), "--max-steps", "5000")).isEqualTo(3);
        String first = stderr();
        err.reset();

        assertThat(cascade("run", file.toString(), "--out", dir.toString(), "--max-steps", "5000")).isEqualTo(3);

        assertThat(stderr()).isEqualTo(first);
    }

    @Test
    void a_run_past_its_real_time_budget_stops_with_status_3_naming_that_budget() throws IOException {
        Path file = Files.writeString(dir.resolve("years.json"), YEARS);

        int status = cascade("run", file.toString(), "--out", dir.toString(), "--max-seconds", "1");

        assertThat(status).isEqualTo(3);
        assertThat(stderr()).contains("the simulation reached its real-time budget of 1 s")
                .contains("raise it with --max-seconds S (now 1)");
    }

    @Test
    void a_budget_that_is_not_a_positive_whole_number_is_bad_usage() throws IOException {
        Path file = Files.writeString(dir.resolve("years.json"), YEARS);
        assertThat(cascade("run", file.toString(), "--max-steps", "0")).isEqualTo(2);
        assertThat(stderr()).startsWith("cascade: --max-steps needs a whole number between 1 and 9223372036854775807, got \"0\"");
    }
}
