package dev.cascade.report;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The run page as a person's browser shows it: loaded from disk into headless Chromium. */
class ReportPageTests {

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class A_small_run {
        String dom;
        Path html;

        @BeforeAll
        void load(@TempDir Path dir) {
            Browser browser = Browser.required();
            html = Report.of(Fixtures.cacheCrash())
                    .withVerdict("outcome", "FAIL")
                    .withBackend("carrier")
                    .withReplay("java -jar scenarios/target/cascade.jar run scenarios/examples/cache-crash.json --seed 7")
                    .withExplanation(Fixtures.cacheCrashExplained())
                    .writeTo(dir).html();
            dom = browser.dom(html);
        }

        @Test
        void renders_with_no_script_or_console_errors() {
            assertThat(Browser.htmlAttribute(dom, "data-errors")).isEmpty();
            assertThat(Browser.htmlAttribute(dom, "data-rendered")).isNotEmpty();
        }

        @Test
        void draws_one_lane_per_process_in_tree_order_and_one_for_the_outside() {
            assertThat(Browser.count(dom, "<g class=\"lane\"")).isEqualTo(6);
            assertThat(dom).containsSubsequence("data-lane=\"root\"", "data-lane=\"root/db\"", "data-lane=\"root/app\"",
                    "data-lane=\"root/app/cache\"", "data-lane=\"root/app/api\"", "data-lane=\"outside\"");
        }

        @Test
        void draws_one_arrow_per_delivered_message() {
            long delivered = Browser.count(Fixtures.cacheCrash(), "\"type\":\"delivered\"");
            assertThat(delivered).isEqualTo(7);
            assertThat(Browser.count(plot(dom), "<line class=\"arrow")).isEqualTo(7);
        }

        @Test
        void marks_each_lost_or_dropped_message_with_an_x_that_says_why() {
            assertThat(Browser.count(plot(dom), "<g class=\"lost-mark lost\"")).isEqualTo(2);
            assertThat(Browser.count(plot(dom), "<g class=\"lost-mark dropped\"")).isEqualTo(1);
            assertThat(dom).contains("lost: still queued when root/app/cache#1 died")
                    .contains("dropped: its receiver was not alive");
        }

        @Test
        void lists_the_explanations_steps_each_linked_to_its_events() {
            assertThat(Browser.count(dom, "<li class=\"step\"")).isEqualTo(3);
            assertThat(dom).contains("<li class=\"step\" data-ev=\"27 28\">")
                    .contains("root/app#1 restarted root/app/cache with root/app/api")
                    .contains("id=\"ev-28\"");
        }

        @Test
        void a_link_to_an_event_opens_the_page_with_it_highlighted() {
            String linked = Browser.required().dom(html, "ev-28");
            assertThat(Browser.htmlAttribute(linked, "data-errors")).isEmpty();
            assertThat(linked).containsPattern("<g class=\"mark crash hl\" id=\"ev-28\"");
            assertThat(Browser.count(plot(linked), "class=\"[^\"]*\\bhl\\b")).isEqualTo(1);
        }

        @Test
        void draws_the_same_lanes_arrows_and_marks_in_event_order_and_zoomed_in() {
            String other = Browser.required().dom(html, "order=events&zoom=8");
            assertThat(Browser.htmlAttribute(other, "data-errors")).isEmpty();
            assertThat(other).contains("<span id=\"zoom-level\">8×</span>").contains("value=\"events\" checked=\"\"");
            assertThat(Browser.count(plot(other), "<g class=\"lane\"")).isEqualTo(6);
            assertThat(Browser.count(plot(other), "<line class=\"arrow")).isEqualTo(7);
            assertThat(Browser.count(plot(other), "<g class=\"lost-mark")).isEqualTo(3);
            assertThat(other).contains("class=\"tick-label\" x=\"12\" y=\"18\">#1</text>");
        }

        @Test
        void shows_the_header_seed_scheduler_and_replay_command() {
            assertThat(dom).contains("<h1>cache-crash</h1>").contains("✗ outcome: FAIL").contains("<dd>7</dd>")
                    .contains("simulated, carrier backend")
                    .contains("cascade.jar run scenarios/examples/cache-crash.json --seed 7");
        }

        @Test
        void colours_tree_nodes_by_fate_with_a_label() {
            assertThat(dom).contains("fate-restarted\"><span class=\"shape\">●</span> <strong>cache</strong>")
                    .contains("fate-untouched\"><span class=\"shape\">●</span> <strong>db</strong>")
                    .contains("restarted 1×");
        }

        @Test
        void lists_the_fault_ledger_and_the_accounting_per_path() {
            assertThat(dom).contains("raise root/app/cache boom").contains("▲ fired").contains("△ skipped").contains("no live process");
            assertThat(dom).contains("<th scope=\"row\">root/app/cache</th><td>6</td><td>3</td><td>1</td><td>2</td><td>0</td>");
        }

        @Test
        void says_no_specifications_were_checked_rather_than_inventing_verdicts() {
            assertThat(dom).contains("No specifications were checked for this run.");
        }

        @Test
        void sections_come_in_the_issues_order() {
            assertThat(dom).containsSubsequence("id=\"header\"", "id=\"explanation\"", "id=\"tree\"", "id=\"lanes\"",
                    "id=\"ledger\"", "id=\"accounting\"", "id=\"verdicts\"");
        }

        @Test
        void a_screenshot_is_taken(@TempDir Path dir) throws IOException {
            Path png = Browser.required().screenshot(html, dir.resolve("cache-crash.png"), 1400, 1800);
            assertThat(Files.size(png)).isGreaterThan(10_000);
            Path kept = Path.of("target", "screenshots");
            Files.createDirectories(kept);
            Files.copy(png, kept.resolve("cache-crash.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void a_supervisor_that_gave_up_is_marked_in_the_tree_and_its_broken_window_hatched(@TempDir Path dir) {
        Browser browser = Browser.required();
        Path html = Report.of(Fixtures.read("give-up.trace.json")).writeTo(dir).html();
        String dom = browser.dom(html);
        assertThat(Browser.htmlAttribute(dom, "data-errors")).isEmpty();
        assertThat(dom).contains("fate-gave-up\"><span class=\"shape\">■</span> <strong>app</strong>")
                .contains("gave up, restarted 1×")
                .contains("<strong>w</strong> <span class=\"spec\">permanent</span> <span class=\"fate\">restarted 2×</span>");
        String plot = plot(dom);
        assertThat(Browser.count(plot, "<g class=\"mark gave-up\"")).isEqualTo(1);
        assertThat(Browser.count(plot, "<rect class=\"window broken\" data-ev=\"10 5 9\"")).isEqualTo(1);
        assertThat(plot).contains("2 restarts within 5 s &gt; intensity 1: the supervisor gave up");
    }

    /** The swimlanes' drawing, without the legend. */
    static String plot(String dom) {
        int start = dom.indexOf("id=\"lane-plot\"");
        return dom.substring(start, dom.indexOf("id=\"ledger\"", start));
    }

    @Test
    void text_of_the_run_cannot_end_the_data_script(@TempDir Path dir) {
        Browser browser = Browser.required();
        String hostile = Fixtures.cacheCrash().replace("\"Refresh\"", "\"</script><script>document.title='owned'</script>\"");
        Path html = Report.of(hostile).writeTo(dir).html();
        String dom = browser.dom(html);
        assertThat(Browser.htmlAttribute(dom, "data-errors")).isEmpty();
        assertThat(dom).doesNotContain("<title>owned</title>").contains("&lt;/script&gt;&lt;script&gt;");
    }

    @Test
    void spec_verdicts_are_listed_with_their_violating_events(@TempDir Path dir) {
        Browser browser = Browser.required();
        Path html = Report.of(Fixtures.cacheCrash())
                .withSpecVerdicts(java.util.List.of(new SpecVerdict("no message lost in root/app/cache", "FAIL", "2 lost", java.util.List.of(29L, 30L))))
                .writeTo(dir).html();
        String dom = browser.dom(html);
        assertThat(Browser.htmlAttribute(dom, "data-errors")).isEmpty();
        assertThat(dom).contains("✗ FAIL").contains("no message lost in root/app/cache").contains("data-ev=\"29 30\">show the violating events");
    }
}
