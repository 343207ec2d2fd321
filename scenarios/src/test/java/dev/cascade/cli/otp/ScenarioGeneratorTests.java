package dev.cascade.cli.otp;

import dev.cascade.scenario.Scenario;
import dev.cascade.chaos.FaultPlan;
import dev.cascade.scenario.ScenarioReader;
import dev.cascade.scenario.ScenarioWriter;
import dev.cascade.scenario.DynamicSupervisorNode;
import dev.cascade.scenario.ScenarioNode;
import dev.cascade.scenario.SupervisorNode;
import dev.cascade.scenario.WorkerNode;
import dev.cascade.supervisor.Shutdown;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

class ScenarioGeneratorTests {
    private static final List<Scenario> CORPUS = IntStream.range(0, 200).mapToObj(i -> ScenarioGenerator.generate(7, i)).toList();

    @Test
    void the_same_seed_and_index_give_the_same_file_and_another_seed_another() {
        assertThat(ScenarioWriter.write(ScenarioGenerator.generate(7, 3))).isEqualTo(ScenarioWriter.write(CORPUS.get(3)));
        assertThat(ScenarioWriter.write(ScenarioGenerator.generate(8, 3))).isNotEqualTo(ScenarioWriter.write(CORPUS.get(3)));
    }

    @Test
    void writes_files_the_reader_accepts_and_otp_can_run(@TempDir Path dir) throws Exception {
        List<Path> files = ScenarioGenerator.writeAll(dir, 20, 7);
        assertThat(files).hasSize(20).allSatisfy(file -> {
            Scenario read = ScenarioReader.read(file);
            OtpScope.check(read);
            assertThat(file.getFileName().toString()).isEqualTo(read.name() + ".json");
        });
        assertThat(Files.readString(files.get(3))).isEqualTo(ScenarioWriter.write(CORPUS.get(3)));
    }

    @Test
    void covers_every_fault_kind_otp_can_express_strategies_restart_types_and_start_failures() {
        Set<String> kinds = new java.util.HashSet<>();
        CORPUS.forEach(s -> s.faults().forEach(f -> kinds.add(OtpScope.kind(f.fault()))));
        assertThat(kinds).isEqualTo(OtpScope.KINDS);
        String all = String.join("\n", CORPUS.stream().map(ScenarioWriter::write).toList());
        assertThat(all).contains("\"one_for_one\"", "\"one_for_all\"", "\"rest_for_one\"", "\"permanent\"", "\"transient\"",
                "\"temporary\"", "\"brutal_kill\"", "\"infinity\"", "\"shutdown_ms\"", "\"fail_on\": [1", "\"fail_on\": [2",
                "\"ignore_on\"", "\"delay_ms\"", "\"terminate_delay_ms\"", "\"trap_exit\": true", "\"intensity\": 0");
        assertThat(CORPUS).anyMatch(s -> s.tree().children().stream().anyMatch(c -> c instanceof dev.cascade.scenario.SupervisorNode sup
                && sup.children().stream().anyMatch(g -> g instanceof dev.cascade.scenario.SupervisorNode)));
    }

    @Test
    void gives_some_workers_continue_ms_but_never_a_trapping_one_whose_shutdown_timeout_would_race_the_remaining_work() {
        List<WorkerNode> workers = CORPUS.stream().flatMap(s -> workers(s.tree())).toList();
        List<WorkerNode> continuing = workers.stream().filter(w -> w.continueDelay().isPositive()).toList();

        assertThat(continuing.size()).as("of %d workers", workers.size())
                .isBetween(workers.size() / 8, workers.size() / 3);
        assertThat(continuing).allSatisfy(w -> {
            assertThat(w.continueDelay().toMillis()).isBetween(50L, 650L);
            assertThat(w.trapExit() && w.shutdown() instanceof Shutdown.Timeout).as(w.id()).isFalse();
        });
        assertThat(continuing).anyMatch(WorkerNode::trapExit);
    }

    @Test
    void the_continue_ms_draws_leave_the_trees_and_faults_a_seed_gave_before_continue_ms_existed() throws Exception {
        String withoutContinue = CORPUS.subList(0, 40).stream().map(ScenarioWriter::write)
                .collect(java.util.stream.Collectors.joining()).replaceAll(",\\s*\"continue_ms\": \\d+", "");
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(withoutContinue.getBytes(UTF_8));

        assertThat(withoutContinue).doesNotContain("continue_ms");
        assertThat(java.util.HexFormat.of().formatHex(digest))
                .as("seed 7's first 40 files without continue_ms, as the generator wrote them before it drew continue_ms")
                .isEqualTo("2ad44fbdd0b36af14120527cf8949205f8e0c9d5d74532c8489e082587cc4d2e");
    }

    private static Stream<WorkerNode> workers(ScenarioNode node) {
        return switch (node) {
            case WorkerNode worker -> Stream.of(worker);
            case SupervisorNode supervisor -> supervisor.children().stream().flatMap(ScenarioGeneratorTests::workers);
            case DynamicSupervisorNode dynamic -> Stream.empty();
        };
    }

    @Test
    void keeps_faults_300_ms_apart_and_100_ms_away_from_whole_seconds() {
        for (Scenario scenario : CORPUS) {
            List<Long> times = scenario.faults().stream().map(FaultPlan.Timed::at).map(java.time.Duration::toMillis).toList();
            for (int i = 0; i < times.size(); i++) {
                assertThat(times.get(i) % 1000).as("%s fault %d", scenario.name(), i).isBetween(100L, 900L);
                if (i > 0) {
                    assertThat(times.get(i) - times.get(i - 1)).as("%s fault %d", scenario.name(), i).isGreaterThanOrEqualTo(300);
                }
            }
        }
    }
}
