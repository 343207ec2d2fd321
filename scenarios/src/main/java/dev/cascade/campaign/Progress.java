package dev.cascade.campaign;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * Where a campaign reports how far it is. {@link #to} writes one line rewritten in place on a
 * terminal ({@code \r}), or a plain line at most every 10 s otherwise (CI logs).
 *
 * <pre>{@code
 * campaign.run(out, Progress.to(System.err, System.console() != null));
 * }</pre>
 */
@FunctionalInterface
public interface Progress {
    /** {@code done} of {@code total} iterations ran, {@code failing} of them failed, in {@code elapsed}. */
    void update(long done, long total, long failing, Duration elapsed);

    /** Reports nothing. */
    static Progress none() {
        return (done, total, failing, elapsed) -> { };
    }

    /** Runs/s, failures and ETA on {@code out}: in place on a terminal, else plain lines every 10 s and at the end. */
    static Progress to(PrintStream out, boolean terminal) {
        long[] lastPrinted = {-1};
        return (done, total, failing, elapsed) -> {
            long seconds = elapsed.toSeconds();
            boolean end = done == total;
            if (!terminal && !end && seconds / 10 == lastPrinted[0]) {
                return;
            }
            lastPrinted[0] = seconds / 10;
            out.print((terminal ? "\r" : "") + line(done, total, failing, elapsed) + (terminal && !end ? "" : "\n"));
            out.flush();
        };
    }

    /** {@code 1200/5000 runs, 840 runs/s, 3 failing, ETA 5 s}. */
    static String line(long done, long total, long failing, Duration elapsed) {
        double seconds = Math.max(elapsed.toNanos() / 1e9, 1e-9);
        double rate = done / seconds;
        String eta = rate <= 0 ? "?" : Math.round((total - done) / rate) + " s";
        return String.format(Locale.ROOT, "%d/%d runs, %.0f runs/s, %d failing, ETA %s", done, total, rate, failing, eta);
    }
}
