package dev.cascade.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code cascade campaign run|merge} through the command's main entry, on real files. */
class CampaignCliTests {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int cascade(String... args) {
        out.reset();
        err.reset();
        return new CascadeCli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).execute(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void a_campaign_finds_failures_whose_replay_command_fails_the_same_spec_and_a_merge_indexes_and_promotes_them(@TempDir Path dir)
            throws IOException {
        Path shard = dir.resolve("shard-0");
        int status = cascade("campaign", "run", "examples/cache-crash.json", "--spec", "rootSurvives()", "--seed", "3", "--iterations", "60",
                "--max-faults", "8", "--shard", "0/1", "--threads", "2", "--out", shard.toString());
        assertThat(status).as(stderr()).isEqualTo(1);
        assertThat(stdout()).contains("campaign examples/cache-crash.json: seed 3, iterations 0..60, shard 0/1 (from --shard), 2 thread(s)",
                "60/60 runs", "FAIL campaign-");
        assertThat(shard.resolve("results-0-of-1.jsonl")).exists();
        Matcher replay = Pattern.compile("replay: cascade run (\\S+) --seed (\\d+)").matcher(stdout());
        assertThat(replay.find()).isTrue();

        assertThat(cascade("run", replay.group(1), "--seed", replay.group(2), "--out", dir.resolve("replay").toString())).isEqualTo(1);
        assertThat(stdout()).contains("FAIL rootSurvives(): the root root ended");

        Path regressions = dir.resolve("regressions");
        assertThat(cascade("campaign", "merge", shard.toString(), "--out", dir.resolve("merged").toString(), "--promote", regressions.toString()))
                .isEqualTo(1);
        assertThat(stdout()).contains("runs: 60, failing iterations: ", "replay: cascade run " + dir.resolve("merged/failures"),
                "index: " + dir.resolve("merged/index.html"));
        assertThat(Files.list(regressions)).isNotEmpty();
    }

    @Test
    void report_only_exits_zero_though_failures_were_found(@TempDir Path dir) {
        assertThat(cascade("campaign", "run", "examples/cache-crash.json", "--spec", "rootSurvives()", "--iterations", "20", "--max-faults", "8",
                "--shard", "0/1", "--out", dir.toString(), "--report-only")).isZero();
        assertThat(stdout()).contains("FAIL campaign-");
    }

    @Test
    void a_campaign_without_specs_is_bad_usage_saying_what_to_add(@TempDir Path dir) {
        assertThat(cascade("campaign", "run", "examples/cache-crash.json", "--shard", "0/1", "--out", dir.toString())).isEqualTo(2);
        assertThat(stderr()).startsWith("cascade campaign run: examples/cache-crash.json has no specs section and no --spec was given:"
                + " a campaign needs something to check, e.g. --spec 'rootSurvives()'");
    }

    @Test
    void bad_options_are_named_with_their_values() {
        assertThat(cascade("campaign", "run", "examples/cache-crash.json", "--kinds", "crash,explode")).isEqualTo(2);
        assertThat(stderr()).startsWith("cascade campaign run: --kinds: unknown kind \"explode\" (kinds: crash, kill, stop, exit_signal,"
                + " slow_handling, slow_start, failing_start, flood, breach, link, method)");
        assertThat(cascade("campaign", "run", "examples/cache-crash.json", "--spec", "rootSurvives()", "--shard", "4/4")).isEqualTo(2);
        assertThat(stderr()).startsWith("cascade campaign run: a shard is i/n with 0 <= i < n, but was 4/4 (from --shard)");
        assertThat(cascade("campaign", "run", "examples/cache-crash.json", "--spec", "rootSurvives()", "--target", "root/nope")).isEqualTo(2);
        assertThat(stderr()).startsWith("cascade campaign run: --target root/nope: not a path of the tree (paths: root, root/db, root/app,");
        assertThat(cascade("campaign", "explode")).isEqualTo(2);
        assertThat(stderr()).startsWith("cascade campaign: unknown command \"explode\" (expected: run, merge)");
        assertThat(cascade("campaign", "merge", "no-such-folder")).isEqualTo(2);
        assertThat(stderr()).startsWith("cascade campaign merge: no such shard folder: no-such-folder");
    }
}
