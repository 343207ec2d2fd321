package dev.cascade.report;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run of 100,000 events: the page stays under 10 MB, renders in Chromium without errors, folds
 * the lanes off the causal path, summarises the arrows beyond its cap, and says what it folded.
 * (How long it takes is measured for the README, not asserted: see ReportFigures.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LargeRunTests {
    String trace;
    Path html;
    String dom;

    @BeforeAll
    void load(@TempDir Path dir) {
        trace = SyntheticTrace.of(60, 100_000);
        List<Long> loss = SyntheticTrace.firstLoss(trace);
        html = Report.of(trace)
                .withVerdict("test", "FAIL")
                .withExplanation(new Explained(loss.get(2), List.of(
                        new Explained.Step("fault kill hit a worker", List.of(loss.get(0))),
                        new Explained.Step("the worker exited killed", List.of(loss.get(1))),
                        new Explained.Step("1 message lost", List.of(loss.get(2))))))
                .writeTo(dir).html();
        dom = Browser.find().map(browser -> browser.dom(html)).orElse(null);
    }

    @Test
    void has_one_hundred_thousand_events_and_the_page_stays_under_10_mb() throws IOException {
        assertThat(Browser.count(trace, "\\{\"id\":")).isBetween(99_990, 100_000);
        assertThat(Files.size(html)).isLessThan(10_000_000);
    }

    @Test
    void renders_without_errors() {
        Browser.required();
        assertThat(Browser.htmlAttribute(dom, "data-errors")).isEmpty();
        assertThat(Browser.htmlAttribute(dom, "data-rendered")).isNotEmpty();
    }

    @Test
    void folds_the_lanes_off_the_causal_path_and_says_so() {
        Browser.required();
        // The causal path: root, root/group and the killed worker; the other 59 workers fold.
        assertThat(Browser.count(ReportPageTests.plot(dom), "<g class=\"lane\"")).isEqualTo(3);
        assertThat(dom).contains("59 of 62 lanes are off the causal path and folded");
    }

    @Test
    void draws_at_most_its_cap_of_arrows_and_says_how_many_it_summarised() {
        Browser.required();
        int arrows = Browser.count(ReportPageTests.plot(dom), "<line class=\"arrow");
        assertThat(arrows).isPositive().isLessThanOrEqualTo(2_100);
        assertThat(dom).contains("messages between folded lanes are not drawn");
    }

    @Test
    void holds_a_sample_of_the_ordinary_messages_and_says_where_the_full_trace_is() {
        Browser.required();
        assertThat(dom).containsPattern("This page holds \\d+ of the run's \\d+ events: beyond \\d+ messages per pair of processes")
                .contains("the full trace is ring-100000.trace.json, beside this page");
    }

    @Test
    void keeps_every_lost_message() {
        Browser.required();
        long lost = Browser.count(trace, "\"type\":\"message_lost\"");
        assertThat(dom).contains(lost + " messages lost or dropped");
    }
}
