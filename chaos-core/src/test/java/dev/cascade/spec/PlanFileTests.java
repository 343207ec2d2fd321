package dev.cascade.spec;

import dev.cascade.chaos.Fault;
import dev.cascade.chaos.FaultPlan;
import dev.cascade.runtime.ExitReason;
import org.junit.jupiter.api.Test;

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

    @Test
    void a_fault_the_scenario_format_cannot_say_is_refused_with_why() {
        PlanFile file = new PlanFile("p", new Trial(FaultPlan.now(Fault.slowHandling("root/db", Duration.ofMillis(5))), 0),
                Duration.ofSeconds(1), List.of(), "");
        assertThatThrownBy(file::toJson).hasMessageStartingWith("fault \"slow handling +5 ms on root/db")
                .hasMessageContaining("cannot be written in a plan file (the scenario format has no spelling for it:")
                .hasMessageEndingWith("; keep it in a Java test instead");
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
