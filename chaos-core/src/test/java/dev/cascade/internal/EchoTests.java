package dev.cascade.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EchoTests {
    @Test
    void a_long_value_is_cut_to_80_characters_and_says_how_long_it_was() {
        assertThat(Echo.quoted("x".repeat(50_000))).isEqualTo("\"" + "x".repeat(80) + "…\" (50000 characters)");
        assertThat(Echo.value("9".repeat(100))).isEqualTo("9".repeat(80) + "… (100 characters)");
    }

    @Test
    void a_short_value_is_shown_whole() {
        assertThat(Echo.quoted("always")).isEqualTo("\"always\"");
    }

    @Test
    void control_characters_ansi_escapes_bidi_overrides_and_the_bom_are_escaped() {
        assertThat(Echo.quoted("\u001B[31mred\u202Eevil\uFEFF\u0000\n")).isEqualTo("\"\\u001b[31mred\\u202eevil\\ufeff\\u0000\\n\"");
    }

    @Test
    void accents_and_emoji_are_kept_but_a_lone_surrogate_is_escaped() {
        assertThat(Echo.escape("é \uD83D\uDCA5")).isEqualTo("é \uD83D\uDCA5");
        assertThat(Echo.escape("a\uD800b")).isEqualTo("a\\ud800b");
    }

    @Test
    void a_cut_never_splits_a_surrogate_pair() {
        String value = "x".repeat(79) + "\uD83D\uDCA5" + "y".repeat(10);
        assertThat(Echo.value(value)).startsWith("x".repeat(79) + "…");
    }

    @Test
    void a_shortened_text_keeps_to_its_budget_says_it_was_cut_and_is_escaped() {
        assertThat(Echo.shortened("x".repeat(60), 60)).isEqualTo("x".repeat(60));
        assertThat(Echo.shortened("x".repeat(61), 60)).isEqualTo("x".repeat(59) + "…");
        assertThat(Echo.shortened("\u001B[2Jok", 60)).isEqualTo("\\u001b[2Jok");
    }

    @Test
    void quotes_and_backslashes_in_a_value_are_escaped_as_json_does() {
        assertThat(Echo.quoted("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
    }
}
