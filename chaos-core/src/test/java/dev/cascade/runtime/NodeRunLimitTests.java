package dev.cascade.runtime;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Node.run's real-time limit: the default minute, or the caller's, named in the error when it runs out. */
class NodeRunLimitTests {

    @Test
    void a_run_that_outlasts_its_real_time_limit_fails_naming_the_limit() {
        try (Node node = Node.start()) {
            assertThatThrownBy(() -> node.run(ctx -> {
                ctx.sleep(Duration.ofMinutes(5));
                return null;
            }, Duration.ofMillis(200)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("did not finish within 200 ms of real time");
        }
    }

    @Test
    void a_run_within_its_limit_returns_its_result() {
        try (Node node = Node.start()) {
            String done = node.run(ctx -> "done", Duration.ofSeconds(30));
            assertThat(done).isEqualTo("done");
        }
    }
}
