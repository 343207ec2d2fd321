package dev.cascade.cli;

import dev.cascade.trace.TraceFile;
import dev.cascade.trace.TraceRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code cascade run FILE --report DIR}: the run's HTML report, its Chrome trace and an index of the runs. */
class ReportOptionTests {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int cascade(String... args) {
        return new CascadeCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).execute(args);
    }

    @Test
    void writes_the_outcome_and_the_report_and_prints_where(@TempDir Path dir) throws IOException {
        int status = cascade("run", "examples/cache-crash.json", "--out", dir.toString(), "--report", dir.toString());

        String stdout = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        Path html = dir.resolve("cache-crash.html");
        assertThat(stdout).contains("outcome written to " + dir.resolve("cache-crash.outcome.json"))
                .contains("report written to " + html)
                .contains("index of the reports: " + dir.resolve("index.html"));
        String page = Files.readString(html);
        assertThat(page).startsWith("<!DOCTYPE html>").contains("\"format\":\"cascade-report/1\"")
                .contains("java -jar scenarios/target/cascade.jar run examples/cache-crash.json --seed 0")
                .doesNotContain("src=\"http").doesNotContain("fetch(");
        TraceRecord trace = TraceFile.read(dir.resolve("cache-crash.trace.json"));
        assertThat(trace.name()).isEqualTo("cache-crash");
        assertThat(Files.readString(dir.resolve("cache-crash.chrome-trace.json"))).contains("\"traceEvents\":[");
        assertThat(Files.readString(dir.resolve("index.html"))).contains("cache-crash").contains("href=\"cache-crash.html\"");
    }

    @Test
    void explains_each_cascade_of_the_run(@TempDir Path dir) throws IOException {
        cascade("run", "examples/silent-cascade.json", "--out", dir.toString(), "--report", dir.toString());
        String page = Files.readString(dir.resolve("silent-cascade.html"));
        assertThat(page).contains("\"text\":\"root/store#1 gave up (3 restarts > intensity 2 in 5 s)\"")
                .contains("messages lost in root/store/db#1");
    }

    @Test
    void without_a_directory_is_bad_usage() {
        assertThat(cascade("run", "examples/cache-crash.json", "--report")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("cascade: --report needs a value: --report DIR");
    }
}
