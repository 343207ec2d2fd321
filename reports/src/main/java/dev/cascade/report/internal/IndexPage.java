package dev.cascade.report.internal;

import dev.cascade.report.SuiteIndex;

import java.nio.file.Path;
import java.util.List;

/** The suite index page: a table of runs, failures first, sorted by any column with a click. Not API. */
public final class IndexPage {
    private IndexPage() {}

    public static String html(Path dir, List<SuiteIndex.Run> runs) {
        long failed = runs.stream().filter(SuiteIndex.Run::failed).count();
        StringBuilder rows = new StringBuilder();
        for (SuiteIndex.Run run : runs) {
            String link = link(dir, run.report());
            rows.append("<tr class=\"run ").append(run.failed() ? "failed" : "passed").append("\">")
                    .append("<td>").append(Page.escape(run.test())).append("</td>")
                    .append("<td data-sort=\"").append(run.failed() ? 0 : 1).append("\" class=\"verdict\">")
                    .append(run.failed() ? "✗ " : "✓ ").append(Page.escape(run.verdict())).append("</td>")
                    .append("<td data-sort=\"").append(run.seed().isPresent() ? run.seed().getAsLong() : "").append("\">")
                    .append(run.seed().isPresent() ? Long.toString(run.seed().getAsLong()) : "real").append("</td>")
                    .append(number(run.faultsFired())).append(number(run.restarts())).append(number(run.giveUps())).append(number(run.lost()))
                    .append("<td><a href=\"").append(Page.escape(link)).append("\">report</a></td></tr>\n");
        }
        return Page.resource("index.html")
                .replace("{{SUMMARY}}", runs.size() + " run" + (runs.size() == 1 ? "" : "s") + ", " + failed + " failed")
                .replace("{{ROWS}}", rows.toString());
    }

    private static String number(long n) {
        return "<td class=\"n\" data-sort=\"" + n + "\">" + n + "</td>";
    }

    private static String link(Path dir, Path report) {
        try {
            return dir.toAbsolutePath().normalize().relativize(report.toAbsolutePath().normalize()).toString().replace('\\', '/');
        } catch (IllegalArgumentException elsewhere) {
            return report.toAbsolutePath().toUri().toString();
        }
    }
}
