package dev.cascade.cli.otp;

import dev.cascade.scenario.Outcome;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The comparison of Cascade's outcome with OTP's: events (without times) and final incarnations.
 * {@link #report()} names the first differing event and shows a line diff ({@code -} Cascade only,
 * {@code +} OTP only).
 */
record OutcomeDiff(List<String> cascade, List<String> otp, List<String> finalDifferences) {

    static OutcomeDiff of(Outcome cascade, Outcome otp) {
        List<String> finals = new ArrayList<>();
        for (String path : cascade.finalIncarnations().keySet()) {
            Integer ours = cascade.finalIncarnations().get(path);
            Integer theirs = otp.finalIncarnations().get(path);
            if (!Objects.equals(ours, theirs) || !otp.finalIncarnations().containsKey(path)) {
                finals.add(path + ": cascade " + ours + ", otp " + theirs);
            }
        }
        for (String path : otp.finalIncarnations().keySet()) {
            if (!cascade.finalIncarnations().containsKey(path)) {
                finals.add(path + ": cascade (absent), otp " + otp.finalIncarnations().get(path));
            }
        }
        return new OutcomeDiff(EventLines.of(cascade), EventLines.of(otp), List.copyOf(finals));
    }

    boolean agree() {
        return cascade.equals(otp) && finalDifferences.isEmpty();
    }

    /** The first index where the event lists differ, or the shorter length when one is a prefix of the other. */
    int firstDifference() {
        int i = 0;
        while (i < cascade.size() && i < otp.size() && cascade.get(i).equals(otp.get(i))) {
            i++;
        }
        return i;
    }

    String report() {
        StringBuilder text = new StringBuilder();
        if (!cascade.equals(otp)) {
            int first = firstDifference();
            text.append("  first difference at event ").append(first + 1).append(":\n")
                    .append("    cascade: ").append(first < cascade.size() ? cascade.get(first) : "(no more events)").append('\n')
                    .append("    otp:     ").append(first < otp.size() ? otp.get(first) : "(no more events)").append('\n')
                    .append("  events (- cascade only, + otp only):\n");
            diffLines().forEach(line -> text.append("    ").append(line).append('\n'));
        }
        if (!finalDifferences.isEmpty()) {
            text.append("  final incarnations differ:\n");
            finalDifferences.forEach(line -> text.append("    ").append(line).append('\n'));
        }
        return text.toString();
    }

    /** A longest-common-subsequence diff of the two event lists. */
    List<String> diffLines() {
        List<String> lines = new ArrayList<>();
        align((i, j) -> lines.add(i < 0 ? "+ " + otp.get(j) : j < 0 ? "- " + cascade.get(i) : "  " + cascade.get(i)));
        return lines;
    }

    /** The pairs {@code (cascade index, otp index)} of the events the two lists have in common, in order. */
    List<int[]> matches() {
        List<int[]> pairs = new ArrayList<>();
        align((i, j) -> {
            if (i >= 0 && j >= 0) {
                pairs.add(new int[] {i, j});
            }
        });
        return pairs;
    }

    private interface Step {
        /** One step of the alignment: both indexes for a common event, -1 for the side that lacks it. */
        void take(int cascadeIndex, int otpIndex);
    }

    private void align(Step step) {
        int n = cascade.size();
        int m = otp.size();
        int[][] common = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                common[i][j] = cascade.get(i).equals(otp.get(j)) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && cascade.get(i).equals(otp.get(j))) {
                step.take(i++, j++);
            } else if (j >= m || i < n && common[i + 1][j] >= common[i][j + 1]) {
                step.take(i++, -1);
            } else {
                step.take(-1, j++);
            }
        }
    }
}
