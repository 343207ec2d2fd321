package dev.cascade.gate.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResultRecordsTests {
    /** The example of docs/result-record.md. */
    private static final String EXAMPLE = """
            {
              "format": "cascade-result/1",
              "test": "dev.cascade.junit.examples.PaymentsTest.gatewayCrashLoopEscalates",
              "class": "dev.cascade.junit.examples.PaymentsTest",
              "method": "gatewayCrashLoopEscalates",
              "display_name": "gatewayCrashLoopEscalates(ChaosTree)",
              "unique_id": "[engine:junit-jupiter]/[class:dev.cascade.junit.examples.PaymentsTest]/[method:gatewayCrashLoopEscalates(dev.cascade.chaos.ChaosTree)]",
              "seed": -2052038227225692674,
              "seed_source": "derived",
              "mode": "simulated",
              "outcome": "passed",
              "failure": null,
              "replay": "mvn test -Dtest='PaymentsTest#gatewayCrashLoopEscalates' -Dcascade.seed=-2052038227225692674",
              "checks": [
                { "check": "unfired_faults", "result": "pass", "detail": "" },
                { "check": "reproducible", "result": "pass", "detail": "" }
              ],
              "simulations": [
                { "backend": "executor", "steps": 35, "virtual_time_ms": 1000, "reproducible": true, "deadlocks": 0 }
              ],
              "trees": [
                {
                  "name": "payments",
                  "root": "root",
                  "restarts": { "root/gateway": 3 },
                  "give_ups": { "root": 1 },
                  "messages": { "sent": 14, "handled": 14, "dropped": 0, "lost": 0, "queued": 0 },
                  "lost_by_path": {},
                  "dropped_by_path": {},
                  "time_to_recovery_ms": null,
                  "duration_ms": 1000,
                  "ledger": [
                    {
                      "number": 1,
                      "at_ms": 0,
                      "fault": "intensity breach on root/gateway",
                      "status": "fired",
                      "optional": false,
                      "hits": [
                        { "at_ms": 0, "path": "root/gateway", "incarnation": 1, "detail": "failure 1 of 4 (intensity 3 in 5000 ms)" }
                      ],
                      "why": ""
                    }
                  ]
                }
              ],
              "verdicts": [],
              "files": []
            }
            """;

    @Test
    void the_documented_example_reads_into_the_gates_readings(@TempDir Path project) throws Exception {
        Path results = Files.createDirectories(project.resolve("target/cascade/results"));
        Files.writeString(results.resolve("dev.cascade.junit.examples.PaymentsTest.gatewayCrashLoopEscalates.json"), EXAMPLE);

        Snapshot run = ResultRecords.readAll(results, project).getFirst();

        assertThat(run.test()).isEqualTo("dev.cascade.junit.examples.PaymentsTest.gatewayCrashLoopEscalates");
        assertThat(run.seed()).isEqualTo(-2052038227225692674L);
        assertThat(run.simulated()).isTrue();
        assertThat(run.uniqueId()).startsWith("[engine:junit-jupiter]");
        assertThat(run.report()).isEqualTo("target/cascade/results/dev.cascade.junit.examples.PaymentsTest.gatewayCrashLoopEscalates.json");
        assertThat(run.readings()).containsExactly(
                java.util.Map.entry("outcome", new Reading.Label("passed")),
                java.util.Map.entry("restarts[payments:root/gateway]", new Reading.Count(3)),
                java.util.Map.entry("give_ups[payments:root]", new Reading.Count(1)),
                java.util.Map.entry("lost[payments]", new Reading.Count(0)),
                java.util.Map.entry("dropped[payments]", new Reading.Count(0)),
                java.util.Map.entry("recovery[payments]", new Reading.Absent("none")),
                java.util.Map.entry("ledger[payments#1]", new Reading.Label("fired")));
    }

    @Test
    void the_report_of_a_test_with_run_files_is_their_folder(@TempDir Path project) throws Exception {
        Path results = Files.createDirectories(project.resolve("target/cascade/results"));
        Files.writeString(results.resolve("a.T.m.json"), EXAMPLE.replace("\"files\": []",
                "\"files\": [\"a.T.m/outcome.txt\", \"a.T.m/failure.txt\"]"));
        assertThat(ResultRecords.read(results.resolve("a.T.m.json"), project).report()).isEqualTo("target/cascade/a.T.m");
    }

    @Test
    void the_report_of_a_test_with_an_html_report_is_that_page(@TempDir Path project) throws Exception {
        Path results = Files.createDirectories(project.resolve("target/cascade/results"));
        Files.writeString(results.resolve("a.T.m.json"), EXAMPLE.replace("\"files\": []",
                "\"files\": [\"a.T.m/outcome.txt\", \"a.T.m/payments.trace.json\", \"a.T.m/payments.html\"]"));
        assertThat(ResultRecords.read(results.resolve("a.T.m.json"), project).report()).isEqualTo("target/cascade/a.T.m/payments.html");
    }

    @Test
    void another_format_is_refused_naming_the_file_and_the_fix(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("x.json"), EXAMPLE.replace("cascade-result/1", "cascade-result/2"));
        assertThatThrownBy(() -> ResultRecords.read(file, dir)).hasMessage(file + ": format is \"cascade-result/2\" but this gate"
                + " reads cascade-result/1; use the cascade-maven-plugin of the same Cascade version as the junit-extension");
    }

    @Test
    void a_member_of_the_wrong_type_is_refused_naming_it(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("x.json"), EXAMPLE.replace("\"seed\": -2052038227225692674", "\"seed\": \"soon\""));
        assertThatThrownBy(() -> ResultRecords.read(file, dir)).hasMessageStartingWith(file + ": seed should be an integer but is \"soon\"");
    }
}
