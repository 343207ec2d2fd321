package dev.cascade.campaign;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressTests {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void a_line_gives_runs_per_second_failing_runs_and_the_time_left() {
        assertThat(Progress.line(1200, 5000, 3, Duration.ofSeconds(2))).isEqualTo("1200/5000 runs, 600 runs/s, 3 failing, ETA 6 s");
    }

    @Test
    void on_a_terminal_the_line_is_rewritten_in_place_and_ends_with_a_newline() {
        Progress progress = Progress.to(out, true);
        progress.update(100, 200, 0, Duration.ofSeconds(1));
        progress.update(200, 200, 1, Duration.ofSeconds(2));
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .isEqualTo("\r100/200 runs, 100 runs/s, 0 failing, ETA 1 s\r200/200 runs, 100 runs/s, 1 failing, ETA 0 s\n");
    }

    @Test
    void elsewhere_plain_lines_come_at_most_every_ten_seconds_and_at_the_end() {
        Progress progress = Progress.to(out, false);
        progress.update(10, 100, 0, Duration.ofSeconds(1));
        progress.update(20, 100, 0, Duration.ofSeconds(5));
        progress.update(30, 100, 0, Duration.ofSeconds(11));
        progress.update(100, 100, 2, Duration.ofSeconds(12));
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "10/100 runs, 10 runs/s, 0 failing, ETA 9 s",
                "30/100 runs, 3 runs/s, 0 failing, ETA 26 s",
                "100/100 runs, 8 runs/s, 2 failing, ETA 0 s");
    }
}
