package dev.cascade.report.internal;

import dev.cascade.report.SuiteIndex;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The suite index page: a table of runs, failures first, sorted by any column with a click; once the CI
 * gate has given the runs their drifts, a drift column (each drift linked to its run's report) and the
 * baseline's stale entries. The rows travel with the page as {@link IndexData}. Not API.
 */
public final class IndexPage {
    private IndexPage() {}

    /** The page of the index: its runs, their drifts when the gate gave them any, and its data. */
    public static String html(SuiteIndex index) {
        List<SuiteIndex.Run> runs = index.runs();
        boolean gated = !index.stale().isEmpty() || runs.stream().anyMatch(run -> index.driftOf(run).isPresent());
        long failed = runs.stream().filter(SuiteIndex.Run::failed).count();
        long drifting = runs.stream().filter(run -> index.driftOf(run).map(SuiteIndex.Drift::fails).orElse(false)).count();
        StringBuilder rows = new StringBuilder();
        for (SuiteIndex.Run run : runs) {
            String link = link(index.dir(), run.report());
            rows.append("<tr class=\"run ").append(run.failed() ? "failed" : "passed").append("\">")
                    .append("<td>").append(Page.escape(run.test())).append("</td>")
                    .append("<td data-sort=\"").append(run.failed() ? 0 : 1).append("\" class=\"verdict\">")
                    .append(run.failed() ? "✗ " : "✓ ").append(Page.escape(run.verdict())).append("</td>")
                    .append("<td data-sort=\"").append(run.seed().isPresent() ? run.seed().getAsLong() : "").append("\">")
                    .append(run.seed().isPresent() ? Long.toString(run.seed().getAsLong()) : "real").append("</td>")
                    .append(number(run.faultsFired())).append(number(run.restarts())).append(number(run.giveUps())).append(number(run.lost()));
            if (gated) {
                rows.append(DriftCell.html(index.driftOf(run), link));
            }
            rows.append("<td><a href=\"").append(Page.escape(link)).append("\">report</a></td></tr>\n");
        }
        String summary = runs.size() + " run" + (runs.size() == 1 ? "" : "s") + ", " + failed + " failed"
                + (gated ? ", " + drifting + " failing the CI gate against the baseline" : "");
        return Page.fill(Page.resource("index.html"), Map.of("SUMMARY", summary,
                "DRIFT_HEAD", gated ? "<th>drift from the baseline</th>" : "",
                "ROWS", rows.toString(),
                "STALE", DriftCell.stale(index.stale()),
                "DATA", IndexData.json(index).strip().replace("<", "\\u003c")));
    }

    private static String number(long n) {
        return "<td class=\"n\" data-sort=\"" + n + "\">" + n + "</td>";
    }

    /** How the page links a report: relative to its folder, or a {@code file:} URI when it is elsewhere. */
    static String link(Path dir, Path report) {
        try {
            return dir.toAbsolutePath().normalize().relativize(report.toAbsolutePath().normalize()).toString().replace('\\', '/');
        } catch (IllegalArgumentException elsewhere) {
            return report.toAbsolutePath().toUri().toString();
        }
    }
}
