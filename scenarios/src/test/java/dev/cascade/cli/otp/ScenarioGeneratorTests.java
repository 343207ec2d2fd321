package dev.cascade.cli.otp;

import dev.cascade.scenario.Scenario;
import dev.cascade.chaos.FaultPlan;
import dev.cascade.scenario.ScenarioReader;
import dev.cascade.scenario.ScenarioWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

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
