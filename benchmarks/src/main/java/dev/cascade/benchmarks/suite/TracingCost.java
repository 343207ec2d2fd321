package dev.cascade.benchmarks.suite;

import java.util.List;
import java.util.Locale;

/**
 * The tracing-overhead table (issue 6, item 3): each figure of a workload measured both untraced
 * and traced on the real scheduler, side by side, with the traced median's change.
 */
final class TracingCost {
    private TracingCost() {}

    static String table(List<Entry> entries) {
        StringBuilder md = new StringBuilder();
        for (Entry traced : entries) {
            if (!traced.mode().equals(Mode.TRACED.label)) {
                continue;
            }
            for (Entry off : entries) {
                if (off.mode().equals(Mode.REAL.label) && off.workload().equals(traced.workload())
                        && off.metric().equals(traced.metric())) {
                    if (md.isEmpty()) {
                        md.append("\nTracing overhead (real scheduler, medians):\n\n");
                        md.append("| workload | figure | tracing off | tracing on | on vs off |\n|---|---|---:|---:|---:|\n");
                    }
                    md.append("| ").append(traced.workload()).append(" | ").append(traced.metric()).append(" (")
                            .append(traced.unit()).append(") | ").append(Figures.format(off.median())).append(" | ")
                            .append(Figures.format(traced.median())).append(" | ")
                            .append(String.format(Locale.ROOT, "%+.0f %%", 100 * (traced.median() / off.median() - 1)))
                            .append(" |\n");
                }
            }
        }
        return md.toString();
    }
}
