package dev.cascade.spec;

import dev.cascade.chaos.Fault;
import dev.cascade.chaos.FaultPlan;
import dev.cascade.runtime.ExitReason;
import dev.cascade.scenario.ScenarioFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Plan files keep a failing plan, its seed and its specs, and read back to the same trial. */
class PlanFileTests {
    @Test
    void a_plan_file_reads_back_to_the_same_trial_settle_and_specs() {
        FaultPlan plan = FaultPlan.builder()
                .at(Duration.ZERO, Fault.raise("root/db", "boom"))
                .at(Duration.ofMillis(5), Fault.exitSignal("root/db", ExitReason.custom("bye")))
                .at(Duration.ofMillis(10), Fault.slowStart("root/db", Duration.ofSeconds(2), 2, 3))
                .at(Duration.ofMillis(20), Fault.failingStart("root/api", 2))
                .at(Duration.ofMillis(30), new Fault.SlowHandling("root/db", Duration.ofMillis(40), dev.cascade.chaos.MessageMatch.EVERY_MESSAGE, null, 3))
                .at(Duration.ofMillis(40), Fault.drop("root/api", "root/db", Duration.ofMillis(100)))
                .at(Duration.ofMillis(50), Fault.breachIntensity("root/api"))
                .at(Duration.ofMillis(60), Fault.kill("root"))
                .build();
        PlanFile file = new PlanFile("prop-1", new Trial(plan, 42), Duration.ofSeconds(5),
                List.of("isolation(root/db, root/api)", "boundedRecovery(root, 1000 ms)"), "shrunk to 8 fault(s)");

        PlanFile back = PlanFile.parse(file.toJson());

        assertThat(back).isEqualTo(file);
        assertThat(SpecSyntax.parseAll(back.specs())).extracting(CascadeSpec::name).isEqualTo(back.specs());
        assertThat(file.toJson()).contains("\"kind\": \"slow_start\"").contains("\"attempts\": [2, 3]");
    }

    @Test
    void errors_in_a_plan_file_name_their_location() {
        String bad = """
                {"format": "cascade-plan/1", "name": "p", "seed": 0, "settle_ms": 100, "specs": [],
                 "faults": [{"at_ms": 0, "target": "root/db", "kind": "raise", "reason": "boom"},
                            {"at_ms": 0, "target": "root/db", "kind": "explode"}]}""";
        assertThatThrownBy(() -> PlanFile.parse(bad)).hasMessageStartingWith("faults[1].kind: expected one of raise, stop,");
        assertThatThrownBy(() -> PlanFile.parse(bad.replace("\"seed\": 0", "\"seed\": \"x\"").replace("explode", "kill")))
                .hasMessage("seed: expected an integer but was \"x\"");
    }

    private static String planWithFault(String fault) {
        return """
                {"format": "cascade-plan/1", "name": "p", "seed": 0, "settle_ms": 100, "specs": [],
                 "faults": [{"at_ms": 0, "target": "root/db", "kind": "kill"}, %s]}""".formatted(fault);
    }

    @Test
    void a_fault_field_the_scenario_format_does_not_have_is_refused_at_its_location() {
        assertThatThrownBy(() -> PlanFile.parse(planWithFault(
                "{\"at_ms\": 5, \"target\": \"root/db\", \"kind\": \"raise\", \"reason\": \"boom\", \"colour\": \"red\"}")))
                .isInstanceOf(ScenarioFormatException.class)
                .hasMessage("faults[1]: unknown field \"colour\"");
        assertThatThrownBy(() -> PlanFile.parse(planWithFault(
                "{\"at_ms\": 5, \"target\": \"root/db\", \"kind\": \"raise\", \"reason\": \"boom\", \"delay_ms\": 10}")))
                .hasMessage("faults[1].delay_ms: not allowed in a \"raise\" fault (it takes at_ms, target, kind, reason)");
    }

    @Test
    void a_fault_value_beyond_the_scenario_readers_bounds_is_refused_with_the_range() {
        assertThatThrownBy(() -> PlanFile.parse(planWithFault(
                "{\"at_ms\": 5, \"target\": \"root/db\", \"kind\": \"flood\", \"count\": 1000001}")))
                .isInstanceOf(ScenarioFormatException.class)
                .hasMessage("faults[1].count: expected an integer from 1 to 1000000 but was 1000001");
        assertThatThrownBy(() -> PlanFile.parse(planWithFault(
                "{\"at_ms\": 3153600000001, \"target\": \"root/db\", \"kind\": \"kill\"}")))
                .hasMessage("faults[1].at_ms: expected an integer from 0 to 3153600000000 but was 3153600000001");
        assertThatThrownBy(() -> PlanFile.parse(planWithFault(
                "{\"at_ms\": 5, \"target\": \"root/db\", \"kind\": \"failing_start\", \"attempts\": [0]}")))
                .hasMessage("faults[1].attempts[0]: expected an integer from 1 to 2147483647 but was 0");
    }

    @Test
    void a_plan_file_read_from_disk_names_the_file_and_the_location(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("p.json"), planWithFault(
                "{\"at_ms\": 5, \"target\": \"root/db\", \"kind\": \"slow_start\", \"delay_ms\": 0, \"attempts\": [2]}"));
        assertThatThrownBy(() -> PlanFile.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + ": faults[1].delay_ms: expected an integer from 1 to 3153600000000 but was 0");
    }

    @Test
    void a_fault_the_scenario_format_cannot_say_is_refused_with_why() {
        PlanFile file = new PlanFile("p", new Trial(FaultPlan.now(Fault.slowHandling("root/db", Duration.ofMillis(5))), 0),
                Duration.ofSeconds(1), List.of(), "");
        assertThatThrownBy(file::toJson).hasMessageStartingWith("fault \"slow handling +5 ms on root/db")
                .hasMessageContaining("cannot be written in a plan file (the scenario format has no spelling for it:")
                .hasMessageEndingWith("; keep it in a Java test instead");
    }

    @Test
    void a_spec_echoed_in_an_error_is_escaped_and_cut_with_its_length() {
        String spec = "\u001b[2J" + "y".repeat(200);
        assertThatThrownBy(() -> SpecSyntax.parse(spec))
                .hasMessageStartingWith("spec \"\\u001b[2J" + "y".repeat(76) + "…\" (204 characters): expected a spec like isolation(root/gateway, root/ledger)")
                .hasMessageNotContaining("\u001b");
    }

    @Test
    void spec_syntax_names_what_is_wrong_and_the_specs_there_are() {
        assertThat(SpecSyntax.parse("boundedRecovery(root, 5 s)").name()).isEqualTo("boundedRecovery(root, 5000 ms)");
        assertThatThrownBy(() -> SpecSyntax.parse("isolated(root/a, root/b)"))
                .hasMessageStartingWith("spec \"isolated(root/a, root/b)\": there is no built-in spec isolated (the specs: isolation(");
        assertThatThrownBy(() -> SpecSyntax.parse("maxRestarts(root/db)"))
                .hasMessageStartingWith("spec \"maxRestarts(root/db)\": expected 2 argument(s) but found 1");
    }
}
