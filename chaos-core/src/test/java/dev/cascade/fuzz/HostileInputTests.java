package dev.cascade.fuzz;

import dev.cascade.chaos.Fault;
import dev.cascade.scenario.ScenarioFormatException;
import dev.cascade.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The classes of hostile input issue 14 names, each refused with a located, short, escaped message
 * (never a stack overflow, never the value in full, never a character that acts on a terminal).
 */
class HostileInputTests {
    static final String LONG_PATH = "root" + "/w0".repeat(100_000);

    static String scenario(String name, String fault) {
        return """
                { "format": "cascade-scenario/1", "name": "%s", "tree": { "id": "root", "children": [ { "id": "w0" },
                  { "id": "w1", "sends": [ { "to": "root/w0", "every_ms": 10, "kind": "cast" } ] } ] },
                  "faults": [ %s ], "settle_ms": 10 }
                """.formatted(name, fault);
    }

    private static ScenarioFormatException refused(String json) {
        ScenarioFormatException refused = catchThrowableOfType(ScenarioFormatException.class, () -> ScenarioReader.read(json));
        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.getMessage()).hasSizeLessThan(600);
        return refused;
    }

    @Test
    void a_target_of_100000_segments_is_refused_at_its_location_without_overflowing_the_stack() {
        ScenarioFormatException refused = refused(scenario("p",
                "{ \"at_ms\": 1, \"target\": \"" + LONG_PATH + "\", \"kind\": \"kill\" }"));
        assertThat(refused.location()).isEqualTo("faults[0].target");
        assertThat(refused.problem()).contains("(300004 characters)");
    }

    @Test
    void a_link_fault_from_a_path_of_100000_segments_is_refused_at_its_location() {
        ScenarioFormatException refused = refused(scenario("p",
                "{ \"at_ms\": 1, \"target\": \"root/w0\", \"kind\": \"drop\", \"from\": \"" + LONG_PATH + "\", \"window_ms\": 5 }"));
        assertThat(refused.location()).isEqualTo("faults[0].from");
    }

    @Test
    void sends_to_a_path_of_100000_segments_are_refused_at_their_location() {
        String json = scenario("p", "").replace("\"to\": \"root/w0\"", "\"to\": \"" + LONG_PATH + "\"");
        assertThat(refused(json).location()).isEqualTo("tree.children[1].sends[0].to");
    }

    @Test
    void the_java_dsl_checks_a_path_of_100000_segments_without_overflowing_the_stack() {
        Fault kill = Fault.kill(LONG_PATH);
        assertThat(kill.target()).hasSize(LONG_PATH.length());
        assertThatThrownBy(() -> Fault.kill(LONG_PATH + "/")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(300005 characters)").message().hasSizeLessThan(400);
    }

    @Test
    void json_nested_100000_deep_is_refused_with_a_location() {
        String json = "[".repeat(100_000) + "]".repeat(100_000);
        ScenarioFormatException refused = refused(json);
        assertThat(refused.location()).matches("\\d+:\\d+");
    }

    @Test
    void a_50_mb_name_is_echoed_as_80_characters_and_its_length() {
        ScenarioFormatException refused = refused(scenario("N".repeat(50_000_000), ""));
        assertThat(refused.location()).isEqualTo("name");
        assertThat(refused.problem()).endsWith("\"" + "N".repeat(80) + "…\" (50000000 characters)");
    }

    @Test
    void a_bom_a_bidi_override_and_an_ansi_escape_in_a_value_are_escaped_in_the_message() {
        ScenarioFormatException refused = refused(scenario("\\u001b[2J\uFEFFa\u202Eb", ""));
        assertThat(refused.getMessage()).contains("\\u001b[2J\\ufeffa\\u202eb").doesNotContain("\u001B").doesNotContain("\uFEFF")
                .doesNotContain("\u202E");
    }

    @Test
    void a_bom_where_json_is_expected_is_named_not_printed() {
        ScenarioFormatException refused = refused("{\uFEFF}");
        assertThat(refused.getMessage()).contains("U+FEFF").doesNotContain("\uFEFF");
    }

    @Test
    void an_unknown_key_of_any_length_and_content_is_cut_and_escaped() {
        String json = scenario("p", "").replace("\"settle_ms\"", "\"\u202E" + "k".repeat(1000) + "\": 1, \"settle_ms\"");
        ScenarioFormatException refused = refused(json);
        assertThat(refused.getMessage()).contains("\\u202e").doesNotContain("\u202E");
    }
}
