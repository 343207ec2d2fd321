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

/**
 * The options of {@code cascade campaign run|merge}, parsed by {@code cli/Options} as {@code cascade run}'s
 * are: a flag given twice, an unknown flag and a flag without its value are refused (exit 2, the
 * usage after the message) before anything runs; {@code --spec} and {@code --target} may repeat.
 */
class CampaignOptionsTests {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int cascade(String... args) {
        out.reset();
        err.reset();
        return new CascadeCli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).execute(args);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void a_flag_given_twice_is_refused_naming_both_values_and_nothing_runs(@TempDir Path dir) {
        Path results = dir.resolve("out");
        assertThat(cascade("campaign", "run", "examples/cache-crash.json", "--spec", "rootSurvives()", "--seed", "1", "--seed", "2",
                "--out", results.toString())).isEqualTo(2);
        assertThat(stderr()).startsWith("cascade campaign run: --seed is given twice (\"1\" and \"2\"); give it once\nusage: cascade campaign run FILE");
        assertThat(results).doesNotExist();
        assertThat(cascade("campaign", "run", "examples/cache-crash.json", "--report-only", "--report-only")).isEqualTo(2);
        assertThat(stderr()).startsWith("cascade campaign run: --report-only is given twice; give it once");
    }

    @Test
    void an_unknown_flag_is_refused_with_the_flags_the_command_takes() {
        assertThat(cascade("campaign", "run", "examples/cache-crash.json", "--sede", "1")).isEqualTo(2);
        assertThat(stderr()).startsWith("cascade campaign run: unknown option \"--sede\" (expected: --from A, --horizon-ms H,"
                + " --iterations N, --kinds crash,kill,..., --max-faults M, --out DIR, --report-only, --seed S, --shard i/n,"
                + " --shards n, --shrink-budget-s B, --spec SPEC, --target PATH, --threads T, --to B)");
    }

    @Test
    void a_flag_without_its_value_is_refused_naming_the_value_it_needs() {
        assertThat(cascade("campaign", "run", "examples/cache-crash.json", "--iterations", "--seed", "3")).isEqualTo(2);
        assertThat(stderr()).startsWith("cascade campaign run: --iterations needs a value: --iterations N");
        assertThat(cascade("campaign", "run", "examples/cache-crash.json", "--out")).isEqualTo(2);
        assertThat(stderr()).startsWith("cascade campaign run: --out needs a value: --out DIR");
    }

    @Test
    void a_value_that_is_not_a_number_is_echoed_cut_to_80_characters_and_escaped() {
        String long_ = "9".repeat(100) + "x";
        assertThat(cascade("campaign", "run", "examples/cache-crash.json", "--iterations", long_)).isEqualTo(2);
        assertThat(stderr()).startsWith("cascade campaign run: --iterations needs a whole number, got \"" + "9".repeat(80) + "…\" (101 characters)");
        assertThat(cascade("campaign", "run", "examples/cache-crash.json", "--threads", "2\u001b[31m")).isEqualTo(2);
        assertThat(stderr()).startsWith("cascade campaign run: --threads needs a whole number, got \"2\\u001b[31m\"");
    }

    @Test
    void two_files_are_refused_naming_both() {
        assertThat(cascade("campaign", "run", "examples/cache-crash.json", "other.json")).isEqualTo(2);
        assertThat(stderr()).startsWith("cascade campaign run: campaign run takes one scenario FILE, got \"examples/cache-crash.json\""
                + " and \"other.json\"");
    }

    @Test
    void spec_and_target_may_repeat_and_each_one_counts(@TempDir Path dir) throws IOException {
        assertThat(cascade("campaign", "run", "examples/cache-crash.json", "--spec", "rootSurvives()", "--spec", "maxRestarts(root/db, 100)",
                "--target", "root/db", "--target", "root/app/cache", "--iterations", "5", "--threads", "1", "--shard", "0/1",
                "--out", dir.toString(), "--report-only")).isZero();
        String shard = Files.readString(dir.resolve("shard-0-of-1.json"));
        assertThat(shard).contains("\"specs\": [\"rootSurvives()\", \"maxRestarts(root/db, 100)\"]").contains("on [root/db, root/app/cache]");
    }

    @Test
    void merge_refuses_a_flag_given_twice_and_an_unknown_flag_with_its_usage(@TempDir Path dir) {
        assertThat(cascade("campaign", "merge", dir.toString(), "--out", "a", "--out", "b")).isEqualTo(2);
        assertThat(stderr()).startsWith("cascade campaign merge: --out is given twice (\"a\" and \"b\"); give it once\n"
                + "usage: cascade campaign merge DIR...");
        assertThat(cascade("campaign", "merge", dir.toString(), "--promot", "x")).isEqualTo(2);
        assertThat(stderr()).startsWith("cascade campaign merge: unknown option \"--promot\" (expected: --out DIR, --promote DIR)");
        assertThat(cascade("campaign", "merge")).isEqualTo(2);
        assertThat(stderr()).startsWith("cascade campaign merge: campaign merge needs at least one shard folder DIR\nusage:");
    }
}
