package dev.cascade.report.internal;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The page templates are filled in one pass: no value is taken for a placeholder. */
class PageTests {

    @Test
    void a_run_named_like_a_placeholder_keeps_its_name_and_the_data_goes_in_once() {
        String page = Page.html("{{DATA}} {{JS}}", "{\"format\":\"x\"}");

        assertThat(page).contains("<title>{{DATA}} {{JS}} — Cascade report</title>");
        assertThat(page.split("\\{\"format\":\"x\"}", -1)).hasSize(2);
    }

    @Test
    void a_value_holding_a_placeholder_or_a_dollar_is_written_as_it_is_and_an_unknown_name_is_left() {
        String filled = Page.fill("<p>{{A}}</p><p>{{B}}</p>{{C}}", Map.of("A", "{{B}} costs $1", "B", "b"));

        assertThat(filled).isEqualTo("<p>{{B}} costs $1</p><p>b</p>{{C}}");
    }
}
