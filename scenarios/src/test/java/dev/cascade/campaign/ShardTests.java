package dev.cascade.campaign;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShardTests {
    private static Shard detect(Map<String, String> env) {
        return Shard.detect(Optional.empty(), OptionalInt.empty(), env);
    }

    @Test
    void the_shard_option_wins_over_the_environment() {
        Shard shard = Shard.detect(Optional.of("2/5"), OptionalInt.empty(), Map.of("CI_NODE_INDEX", "1", "CI_NODE_TOTAL", "3"));
        assertThat(shard).isEqualTo(new Shard(2, 5, "--shard"));
    }

    @Test
    void a_kubernetes_indexed_job_gives_a_zero_based_index_and_the_count_comes_from_the_shards_option() {
        Shard shard = Shard.detect(Optional.empty(), OptionalInt.of(8), Map.of("JOB_COMPLETION_INDEX", "7"));
        assertThat(shard.index()).isEqualTo(7);
        assertThat(shard.count()).isEqualTo(8);
        assertThat(shard.from()).isEqualTo("JOB_COMPLETION_INDEX");
    }

    @Test
    void a_kubernetes_index_without_a_shard_count_is_refused_saying_what_to_pass() {
        assertThatThrownBy(() -> detect(Map.of("JOB_COMPLETION_INDEX", "3")))
                .hasMessage("JOB_COMPLETION_INDEX=3 is set (a Kubernetes Indexed Job) but the shard count is not: pass --shards N (the Job's completions)");
    }

    @Test
    void gitlab_node_indexes_count_from_one() {
        assertThat(detect(Map.of("CI_NODE_INDEX", "1", "CI_NODE_TOTAL", "4"))).isEqualTo(new Shard(0, 4, "CI_NODE_INDEX (1-based)"));
        assertThat(detect(Map.of("CI_NODE_INDEX", "4", "CI_NODE_TOTAL", "4")).index()).isEqualTo(3);
    }

    @Test
    void bazel_test_sharding_gives_a_zero_based_index_and_the_status_file_is_touched(@TempDir Path dir) {
        Path status = dir.resolve("shard-status");
        Shard shard = detect(Map.of("TEST_SHARD_INDEX", "0", "TEST_TOTAL_SHARDS", "3", "TEST_SHARD_STATUS_FILE", status.toString()));
        assertThat(shard).isEqualTo(new Shard(0, 3, "TEST_SHARD_INDEX"));
        assertThat(Files.exists(status)).isTrue();
    }

    @Test
    void without_an_option_or_a_variable_the_whole_range_is_one_shard() {
        assertThat(detect(Map.of("HOME", "/root"))).isEqualTo(Shard.whole());
        assertThat(Shard.whole().owns(12345)).isTrue();
    }

    @Test
    void a_malformed_value_is_named_with_its_source() {
        assertThatThrownBy(() -> detect(Map.of("CI_NODE_INDEX", "one", "CI_NODE_TOTAL", "4")))
                .hasMessage("CI_NODE_INDEX must be a whole number, got \"one\"");
        assertThatThrownBy(() -> Shard.detect(Optional.of("3"), OptionalInt.empty(), Map.of()))
                .hasMessage("--shard needs i/n (e.g. --shard 0/4, 0-based), got \"3\"");
        assertThatThrownBy(() -> Shard.detect(Optional.of("4/4"), OptionalInt.empty(), Map.of()))
                .hasMessage("a shard is i/n with 0 <= i < n, but was 4/4 (from --shard)");
        assertThatThrownBy(() -> detect(Map.of("CI_NODE_INDEX", "0", "CI_NODE_TOTAL", "4")))
                .hasMessage("a shard is i/n with 0 <= i < n, but was -1/4 (from CI_NODE_INDEX (1-based))");
    }

    @Test
    void a_shard_owns_the_iterations_congruent_to_its_index() {
        Shard shard = new Shard(1, 4, "--shard");
        assertThat(java.util.stream.LongStream.range(0, 12).filter(shard::owns).toArray()).containsExactly(1, 5, 9);
    }
}
