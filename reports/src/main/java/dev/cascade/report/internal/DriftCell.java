package dev.cascade.report.internal;

import dev.cascade.report.SuiteIndex;

import java.util.List;
import java.util.Optional;

/** The suite index's drift column: one cell per run, and the baseline entries no test ran. Not API. */
final class DriftCell {
    private DriftCell() {}

    /** The cell: the gate's finding, linked to the run's report, then each change on its own line. */
    static String html(Optional<SuiteIndex.Drift> drift, String link) {
        if (drift.isEmpty()) {
            return "<td class=\"drift\" data-sort=\"\">not gated</td>";
        }
        SuiteIndex.Drift found = drift.get();
        String css = found.fails() ? "drift fails" : found.kind() == SuiteIndex.Drift.Kind.MATCHES ? "drift same" : "drift note";
        StringBuilder cell = new StringBuilder("<td class=\"").append(css).append("\" data-sort=\"")
                .append(found.fails() ? 0 : 1).append(SuiteIndex.Drift.Kind.values().length - found.kind().ordinal()).append("\">");
        if (found.kind() == SuiteIndex.Drift.Kind.MATCHES) {
            cell.append(Page.escape(found.kind().label()));
        } else {
            cell.append("<a href=\"").append(Page.escape(link)).append("\">").append(Page.escape(found.kind().label())).append("</a>");
        }
        found.changes().forEach(change -> cell.append("<br><code>").append(Page.escape(change)).append("</code>"));
        return cell.append("</td>").toString();
    }

    /** The baseline entries with no test run, or nothing. */
    static String stale(List<String> tests) {
        if (tests.isEmpty()) {
            return "";
        }
        StringBuilder list = new StringBuilder("<p id=\"stale\">In the baseline but not run (stale; <code>cascade:baseline -Dcascade.accept</code> drops them): ");
        for (int i = 0; i < tests.size(); i++) {
            list.append(i == 0 ? "" : ", ").append("<code>").append(Page.escape(tests.get(i))).append("</code>");
        }
        return list.append("</p>").toString();
    }
}
