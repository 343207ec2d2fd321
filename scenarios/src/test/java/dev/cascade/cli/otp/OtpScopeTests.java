package dev.cascade.cli.otp;

import dev.cascade.scenario.ScenarioFormatException;
import dev.cascade.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class OtpScopeTests {
    private static String file(String children, String faults) {
        return """
                { "format": "cascade-scenario/1", "name": "s",
                  "tree": { "id": "root", "children": [ { "id": "a" }, { "id": "app", "supervisor": true, "children": [ %s ] } ] },
                  "faults": [ { "at_ms": 100, "target": "root/a", "kind": "raise", "reason": "boom" } %s ], "settle_ms": 100 }
                """.formatted(children, faults);
    }

    private static ScenarioFormatException refusal(String json) {
        try {
            OtpScope.check(ScenarioReader.read(json));
        } catch (ScenarioFormatException refused) {
            return refused;
        }
        throw new AssertionError("expected a refusal of " + json);
    }

    @Test
    void the_original_format_and_the_fault_kinds_otp_can_express_are_run() {
        assertThatCode(() -> OtpScope.check(ScenarioReader.read(file(
                "{ \"id\": \"w\", \"trap_exit\": true, \"terminate_delay_ms\": 50, \"init\": { \"fail_on\": [2] } }",
                ", { \"at_ms\": 200, \"target\": \"root/app\", \"kind\": \"kill\" }"
                + ", { \"at_ms\": 300, \"target\": \"root/app\", \"kind\": \"slow_start\", \"delay_ms\": 20, \"attempts\": [2] }"
                + ", { \"at_ms\": 400, \"target\": \"root/a\", \"kind\": \"failing_start\", \"attempts\": [2, 3] }"))))
                .doesNotThrowAnyException();
    }

    @Test
    void a_fault_kind_otp_has_no_meaning_for_is_refused_at_its_location() {
        ScenarioFormatException refused = refusal(file("{ \"id\": \"w\" }",
                ", { \"at_ms\": 200, \"target\": \"root/a\", \"kind\": \"flood\", \"count\": 10 }"));
        assertThat(refused.location()).isEqualTo("faults[1].kind");
        assertThat(refused.problem()).startsWith("\"flood\" is not one of raise, stop, exit_signal, kill, slow_start, failing_start: cascade otp runs"
                + " scenarios on real OTP supervisors and gen_servers");
    }

    @Test
    void worker_knobs_otp_has_no_meaning_for_are_refused_at_their_location() {
        assertThat(refusal(file("{ \"id\": \"w\", \"mailbox\": { \"capacity\": 5, \"overflow\": \"crash\" } }", ""))
                .location()).isEqualTo("tree.children[1].children[0].mailbox");
        assertThat(refusal(file("{ \"id\": \"w\", \"handling_ms\": 5 }", "")).location())
                .isEqualTo("tree.children[1].children[0].handling_ms");
        assertThat(refusal(file("{ \"id\": \"w\", \"sends\": [ { \"to\": \"root/a\", \"every_ms\": 10, \"kind\": \"cast\" } ] }", ""))
                .location()).isEqualTo("tree.children[1].children[0].sends");
    }

    @Test
    void a_dynamic_supervisor_is_refused_at_its_location_as_otp_s_harness_has_no_counterpart_for_it() {
        ScenarioFormatException refused = refusal(file("{ \"id\": \"sessions\", \"supervisor\": \"dynamic\", \"templates\":"
                + " [ { \"id\": \"session\" } ], \"starts\": [ { \"at_ms\": 0, \"template\": \"session\", \"key\": \"alice\" } ] }", ""));

        assertThat(refused.location()).isEqualTo("tree.children[1].children[0].supervisor");
        assertThat(refused.problem()).isEqualTo("a dynamic supervisor (\"supervisor\": \"dynamic\", Elixir's DynamicSupervisor):"
                + " cascade otp runs scenarios on real OTP supervisors and gen_servers, which have no counterpart for this"
                + " Cascade addition; leave it out of files meant for the cross-check");
    }
}
