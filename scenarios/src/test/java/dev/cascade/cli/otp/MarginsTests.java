package dev.cascade.cli.otp;

import dev.cascade.scenario.Scenario;
import dev.cascade.scenario.ScenarioReader;
import dev.cascade.scenario.ScenarioRunner;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** scenario-format.md, Determinism: what makes an OTP outcome unreliable, checked on Cascade's simulated run. */
class MarginsTests {
    private static List<String> setAside(String tree, String faults, int settle) {
        Scenario scenario = ScenarioReader.read("""
                { "format": "cascade-scenario/1", "name": "m", "tree": %s, "faults": [ %s ], "settle_ms": %d }
                """.formatted(tree, faults, settle));
        return Margins.check(scenario, ScenarioRunner.run(scenario), ScenarioRunner::run);
    }

    private static String raise(int at) {
        return "{ \"at_ms\": " + at + ", \"target\": \"root/a\", \"kind\": \"raise\", \"reason\": \"boom\" }";
    }

    private static final String ONE_WORKER = "{ \"id\": \"root\", \"intensity\": 1, \"period_s\": 1, \"children\": [ { \"id\": \"a\" } ] }";

    @Test
    void faults_well_apart_and_away_from_whole_seconds_are_compared() {
        assertThat(setAside(ONE_WORKER, raise(300) + ", " + raise(2600), 300)).isEmpty();
    }

    @Test
    void a_fault_within_50_ms_of_the_previous_cascade_is_set_aside() {
        assertThat(setAside(ONE_WORKER, raise(300) + ", " + raise(330), 300)).singleElement().asString()
                .isEqualTo("fault raise on root/a comes at 330 ms, but the cascade of the faults before it goes on until"
                        + " 300 ms (the format asks for 50 ms between)");
    }

    @Test
    void a_cascade_that_includes_a_slow_start_counts_until_the_start_returns() {
        String tree = "{ \"id\": \"root\", \"intensity\": 3, \"children\": [ { \"id\": \"a\", \"init\": { \"delay_ms\": 100 } } ] }";
        assertThat(setAside(tree, raise(300) + ", " + raise(420), 300)).singleElement().asString()
                .contains("goes on until 400 ms");
    }

    @Test
    void a_run_that_ends_before_its_cascade_is_set_aside() {
        String tree = "{ \"id\": \"root\", \"children\": [ { \"id\": \"a\", \"init\": { \"delay_ms\": 100 } } ] }";
        assertThat(setAside(tree, raise(300), 80)).singleElement().asString()
                .isEqualTo("the run ends at 380 ms, but the cascade goes on until 400 ms (settle_ms must leave 50 ms after it)");
    }

    @Test
    void a_restart_decision_near_a_whole_second_is_set_aside() {
        assertThat(setAside(ONE_WORKER, raise(1020), 300)).singleElement().asString()
                .isEqualTo("a restart decision of root at 1020 ms (exited root/a #1 error:boom) is within 50 ms of one of"
                        + " OTP's whole seconds");
    }

    @Test
    void i6_restarts_counted_differently_in_whole_seconds_and_exact_time_are_set_aside() {
        // 1.2 s apart with period 1: one restart in the window in exact time, two in OTP 25's whole seconds
        assertThat(setAside(ONE_WORKER, raise(300) + ", " + raise(1500), 300)).singleElement().asString()
                .isEqualTo("root counts 1 restarts within 1 s at 1500 ms in exact time but 2 in OTP 25's whole seconds,"
                        + " against intensity 1");
    }

    @Test
    void a_terminate_delay_near_the_shutdown_timeout_is_set_aside() {
        String tree = "{ \"id\": \"root\", \"children\": [ { \"id\": \"a\", \"trap_exit\": true, \"shutdown_ms\": 200,"
                + " \"terminate_delay_ms\": 180 } ] }";
        assertThat(setAside(tree, "", 100)).containsExactly(
                "root/a: shutdown_ms 200 and terminate_delay_ms 180 are less than 50 ms apart");
    }
}
