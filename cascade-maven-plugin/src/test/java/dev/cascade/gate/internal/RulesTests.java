package dev.cascade.gate.internal;

import dev.cascade.gate.Rule;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RulesTests {
    @Test
    void the_first_rule_whose_glob_matches_the_test_id_applies() {
        Rules rules = Rules.of(List.of(
                new Rule("dev.acme.payments.*", "outcome,restarts", "equal", Map.of()),
                new Rule("dev.acme.*", "lost", "noWorse", Map.of())));

        assertThat(rules.forTest("dev.acme.payments.PaymentsTest.crash").metrics())
                .isEqualTo(EnumSet.of(Metric.OUTCOME, Metric.RESTARTS));
        assertThat(rules.forTest("dev.acme.payments.PaymentsTest.crash").equal()).isTrue();
        assertThat(rules.forTest("dev.acme.ShopTest.x").metrics()).isEqualTo(EnumSet.of(Metric.LOST));
    }

    @Test
    void a_test_no_rule_matches_is_compared_on_every_metric_no_worse() {
        Rules rules = Rules.of(List.of(new Rule("dev.acme.*", "lost", "noWorse", Map.of())));
        assertThat(rules.forTest("org.other.T.m")).isSameAs(Rules.DEFAULT);
        assertThat(Rules.DEFAULT.metrics()).isEqualTo(EnumSet.allOf(Metric.class));
    }

    @Test
    void a_question_mark_matches_one_character_and_dots_are_literal() {
        assertThat(Rules.globPattern("a.T?st.*").matcher("a.Test.m").matches()).isTrue();
        assertThat(Rules.globPattern("a.T?st.*").matcher("aXTest.m").matches()).isFalse();
    }

    @Test
    void an_unknown_metric_is_refused_naming_the_rule_and_the_known_metrics() {
        assertThatThrownBy(() -> Rules.of(List.of(new Rule("*", "outcome,restart", "noWorse", Map.of()))))
                .hasMessage("rules[0].metrics names \"restart\", which is not a metric; use some of: "
                        + "outcome, restarts, give_ups, lost, dropped, recovery, ledger, verdicts (or all)");
    }

    @Test
    void an_unknown_comparison_is_refused() {
        assertThatThrownBy(() -> Rules.of(List.of(new Rule("*", "all", "better", Map.of()))))
                .hasMessage("rules[0].compare is \"better\" but should be noWorse or equal");
    }

    @Test
    void a_long_or_terminal_acting_value_is_echoed_cut_and_escaped() {
        String name = "\u001b[31m" + "x".repeat(200);
        assertThatThrownBy(() -> Rules.of(List.of(new Rule("*", "all", name, Map.of()))))
                .hasMessage("rules[0].compare is \"\\u001b[31m" + "x".repeat(75) + "…\" (205 characters) but should be noWorse or equal");
    }

    @Test
    void a_tolerance_must_be_an_amount_or_a_percentage_of_a_numeric_metric() {
        assertThatThrownBy(() -> Rules.of(List.of(new Rule("*", "all", "noWorse", Map.of("restarts", "lots")))))
                .hasMessage("tolerance for rules[0].tolerances.restarts is \"lots\" but should be a whole number >= 0"
                        + " (an amount) or a percentage like 25%; fix the rule's <tolerances>");
        assertThatThrownBy(() -> Rules.of(List.of(new Rule("*", "all", "noWorse", Map.of("outcome", "1")))))
                .hasMessageStartingWith("rules[0].tolerances names \"outcome\", which has no tolerance");
    }

    @Test
    void a_percentage_tolerance_is_taken_of_the_baseline() {
        assertThat(Tolerance.parse("m", "25%").allowedFrom(400)).isEqualTo(100);
        assertThat(Tolerance.parse("m", "3").allowedFrom(400)).isEqualTo(3);
    }
}
