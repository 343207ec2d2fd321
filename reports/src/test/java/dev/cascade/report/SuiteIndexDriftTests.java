package dev.cascade.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The suite index read back from its page, and the CI gate's drift column added to it. */
class SuiteIndexDriftTests {
    private static final SuiteIndex.Drift WORSE = new SuiteIndex.Drift(SuiteIndex.Drift.Kind.DRIFT,
            List.of("outcome passed → failed", "verdicts[rootSurvives()] PASS → FAIL"), true);

    private static SuiteIndex written(Path dir) {
        SuiteIndex.in(dir)
                .add(new SuiteIndex.Run("SpecTest#rootSurvives", "FAIL", OptionalLong.of(-5), 1, 2, 1, 0, dir.resolve("t1/payments.html")))
                .add(new SuiteIndex.Run("RealTest#calm", "PASS", OptionalLong.empty(), 0, 0, 0, 0, dir.resolve("t2/payments.html")))
                .write();
        return SuiteIndex.read(dir);
    }

    @Test
    void a_written_index_reads_back_with_every_run_and_its_figures(@TempDir Path dir) {
        SuiteIndex index = written(dir);
        assertThat(index.runs()).containsExactly(
                new SuiteIndex.Run("SpecTest#rootSurvives", "FAIL", OptionalLong.of(-5), 1, 2, 1, 0, dir.resolve("t1/payments.html")),
                new SuiteIndex.Run("RealTest#calm", "PASS", OptionalLong.empty(), 0, 0, 0, 0, dir.resolve("t2/payments.html")));
        assertThat(index.driftOf(index.runs().getFirst())).isEmpty();
        assertThat(SuiteIndex.read(dir.resolve("none")).runs()).isEmpty();
    }

    @Test
    void the_gate_s_drifts_show_in_a_drift_column_linked_to_each_report_and_survive_a_read_back(@TempDir Path dir) throws Exception {
        SuiteIndex index = written(dir);
        index.drift(dir.resolve("t1/payments.html"), WORSE)
                .drift(dir.resolve("t2/./payments.html"), new SuiteIndex.Drift(SuiteIndex.Drift.Kind.MATCHES, List.of(), false))
                .stale("dev.acme.GoneTest.removed")
                .write();
        String text = Files.readString(dir.resolve("index.html"));
        assertThat(text).contains("<th>drift from the baseline</th>")
                .contains("<td class=\"drift fails\" data-sort=\"03\"><a href=\"t1/payments.html\">drift</a>"
                        + "<br><code>outcome passed → failed</code><br><code>verdicts[rootSurvives()] PASS → FAIL</code></td>")
                .contains("<td class=\"drift same\" data-sort=\"16\">= baseline</td>")
                .contains("2 runs, 1 failed, 1 failing the CI gate against the baseline")
                .contains("In the baseline but not run (stale; <code>cascade:baseline -Dcascade.accept</code> drops them): "
                        + "<code>dev.acme.GoneTest.removed</code>");

        SuiteIndex again = SuiteIndex.read(dir);
        assertThat(again.driftOf(again.runs().getFirst())).contains(WORSE);
        assertThat(again.stale()).containsExactly("dev.acme.GoneTest.removed");
        assertThat(again.clearDrifts().driftOf(again.runs().getFirst())).isEmpty();
        assertThat(again.stale()).isEmpty();
    }

    @Test
    void an_index_without_a_gate_has_no_drift_column(@TempDir Path dir) throws Exception {
        written(dir).write();
        assertThat(Files.readString(dir.resolve("index.html"))).doesNotContain("drift from the baseline").contains("2 runs, 1 failed.");
    }

    @Test
    void a_failing_drift_of_a_passing_test_is_listed_with_the_failures(@TempDir Path dir) {
        SuiteIndex index = written(dir).add(new SuiteIndex.Run("A#drifts", "PASS", OptionalLong.of(1), 0, 3, 0, 0, dir.resolve("a.json")))
                .drift(dir.resolve("a.json"), WORSE);
        assertThat(index.runs()).extracting(SuiteIndex.Run::test).containsExactly("A#drifts", "SpecTest#rootSurvives", "RealTest#calm");
    }

    @Test
    void a_test_s_text_that_looks_like_a_placeholder_or_ends_a_script_stays_text(@TempDir Path dir) throws Exception {
        String odd = "{{DATA}} </script><b>x</b>";
        SuiteIndex.in(dir).add(new SuiteIndex.Run(odd, "PASS", OptionalLong.of(1), 0, 0, 0, 0, dir.resolve("x.html")))
                .drift(dir.resolve("x.html"), new SuiteIndex.Drift(SuiteIndex.Drift.Kind.NEW, List.of(odd), false)).write();
        assertThat(Files.readString(dir.resolve("index.html"))).contains("<td>{{DATA}} &lt;/script&gt;&lt;b&gt;x&lt;/b&gt;</td>");
        SuiteIndex again = SuiteIndex.read(dir);
        assertThat(again.runs().getFirst().test()).isEqualTo(odd);
        assertThat(again.driftOf(again.runs().getFirst()).orElseThrow().changes()).containsExactly(odd);
    }

    @Test
    void a_page_without_index_data_is_refused_naming_the_file_and_the_fix(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("index.html"), "<html><body>an older index</body></html>");
        assertThatThrownBy(() -> SuiteIndex.read(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(dir.resolve("index.html") + " holds no cascade-index/1 data (written by an older Cascade?);"
                        + " delete it and run the tests again");
    }

    @Test
    void the_drift_column_opens_in_a_browser_without_errors_and_sorts_the_failing_drift_first(@TempDir Path dir) {
        Browser browser = Browser.required();
        SuiteIndex index = written(dir);
        index.add(new SuiteIndex.Run("NewTest#added", "PASS", OptionalLong.of(3), 0, 0, 0, 0, dir.resolve("r/n.json")))
                .drift(dir.resolve("r/n.json"), new SuiteIndex.Drift(SuiteIndex.Drift.Kind.NEW, List.of(), false))
                .drift(dir.resolve("t1/payments.html"), WORSE);
        Path page = index.write();
        String dom = browser.dom(page);
        assertThat(Browser.htmlAttribute(dom, "data-errors")).isEmpty();
        assertThat(Browser.htmlAttribute(dom, "data-rendered")).isNotEmpty();
        assertThat(dom).containsSubsequence("SpecTest#rootSurvives", "<a href=\"t1/payments.html\">drift</a>",
                "verdicts[rootSurvives()] PASS → FAIL", "NewTest#added", "<a href=\"r/n.json\">new</a>", "RealTest#calm", "not gated");
    }
}
