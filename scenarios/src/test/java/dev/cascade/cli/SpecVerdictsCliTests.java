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

/** `cascade run` prints the verdict of each spec of a scenario file and exits 1 when one fails. */
class SpecVerdictsCliTests {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int cascade(String... args) {
        return new CascadeCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).execute(args);
    }

    private static Path withSpecs(Path dir, String specs) throws IOException {
        String example = Files.readString(Path.of("examples/cache-crash.json"));
        Path file = dir.resolve("cache-crash.json");
        Files.writeString(file, example.substring(0, example.lastIndexOf('}')).stripTrailing() + ",\n  \"specs\": " + specs + "\n}\n");
        return file;
    }

    @Test
    void prints_each_verdict_and_exits_0_when_none_fails(@TempDir Path dir) throws IOException {
        Path file = withSpecs(dir, "[\"containedByStrategy()\", \"rootSurvives()\", \"escalates(root/app)\"]");

        int status = cascade("run", file.toString(), "--out", dir.toString());

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("specs (checked on a simulated run from seed 0):\n  PASS containedByStrategy()\n  PASS rootSurvives()\n"
                        + "  INCONCLUSIVE escalates(root/app): root/app never gave up");
    }

    @Test
    void exits_1_and_prints_the_violation_the_cascade_and_the_seed_when_a_spec_fails(@TempDir Path dir) throws IOException {
        Path file = withSpecs(dir, "[\"rootSurvives()\", \"maxRestarts(root/db, 0)\"]");

        int status = cascade("run", file.toString(), "--out", dir.toString(), "--seed", "5");

        assertThat(status).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("  PASS rootSurvives()\n  FAIL maxRestarts(root/db, 0): root/db was restarted 1 times, more than 0\n")
                .contains("root/db#1 exited killed")
                .contains("seed=5");
    }

    @Test
    void a_bad_spec_is_an_invalid_file_with_its_location_and_nothing_runs(@TempDir Path dir) throws IOException {
        Path file = withSpecs(dir, "[\"rootSurvives()\", \"isolation(root/app, root/nope)\"]");

        int status = cascade("run", file.toString(), "--out", dir.toString());

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith(file + ": specs[1]: spec \"isolation(root/app, root/nope)\":"
                + " \"root/nope\" is not a path of the tree");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
