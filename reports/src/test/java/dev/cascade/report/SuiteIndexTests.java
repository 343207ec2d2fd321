package dev.cascade.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The suite index: every run, failures first, each linked to its report. */
class SuiteIndexTests {

    @Test
    void lists_failures_first_with_the_figures_read_from_each_trace(@TempDir Path dir) throws Exception {
        Report report = Report.of(Fixtures.cacheCrash());
        Path html = report.writeTo(dir.resolve("CacheTest/crash")).html();
        SuiteIndex index = SuiteIndex.in(dir)
                .add(new SuiteIndex.Run("A.passes", "PASS", OptionalLong.of(1), 0, 0, 0, 0, dir.resolve("A/passes/run.html")))
                .add(SuiteIndex.Run.of("CacheTest.crash", "FAIL", report, html));
        assertThat(index.runs()).extracting(SuiteIndex.Run::test).containsExactly("CacheTest.crash", "A.passes");
        SuiteIndex.Run crash = index.runs().getFirst();
        assertThat(crash.seed()).hasValue(7);
        assertThat(crash.faultsFired()).isEqualTo(1);
        assertThat(crash.restarts()).isEqualTo(1);
        assertThat(crash.giveUps()).isZero();
        assertThat(crash.lost()).isEqualTo(2);

        Path page = index.write();
        assertThat(page).isEqualTo(dir.resolve("index.html"));
        String text = Files.readString(page);
        assertThat(text).containsSubsequence("CacheTest.crash", "✗ FAIL", "A.passes", "✓ PASS")
                .contains("<a href=\"CacheTest/crash/cache-crash.html\">report</a>")
                .contains("2 runs, 1 failed");
    }

    @Test
    void opens_in_a_browser_without_errors(@TempDir Path dir) {
        Browser browser = Browser.required();
        Path page = SuiteIndex.in(dir)
                .add(new SuiteIndex.Run("B.<b>odd</b> name", "FAIL", OptionalLong.empty(), 2, 3, 1, 4, dir.resolve("b.html")))
                .write();
        String dom = browser.dom(page);
        assertThat(Browser.htmlAttribute(dom, "data-errors")).isEmpty();
        assertThat(Browser.htmlAttribute(dom, "data-rendered")).isNotEmpty();
        assertThat(dom).contains("B.&lt;b&gt;odd&lt;/b&gt; name").contains(">real<");
    }
}
