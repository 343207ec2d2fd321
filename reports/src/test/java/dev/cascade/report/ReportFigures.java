package dev.cascade.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures the README quotes (not a test; timings are never asserted): how long writing the
 * report takes, how large it is, and Chromium's load-to-rendered time as the page measures it
 * ({@code performance.now()} after the drawing and a forced layout, written into {@code <html data-rendered>}).
 *
 * <pre>{@code
 * java -cp reports/target/test-classes:reports/target/classes:chaos-core/target/classes dev.cascade.report.ReportFigures OUT_DIR [TRACE.json...]
 * }</pre>
 *
 * <p>Each TRACE.json given (e.g. the one {@code cascade run --trace} wrote for cache-crash) is measured too.
 */
final class ReportFigures {
    private ReportFigures() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/report-figures");
        Files.createDirectories(dir);
        String large = SyntheticTrace.of(60, 100_000);
        List<Long> loss = SyntheticTrace.firstLoss(large);
        for (int i = 1; i < args.length; i++) {
            String text = Files.readString(Path.of(args[i]));
            measure(args[i], dir.resolve("given-" + i), () -> Report.of(text));
        }
        measure("cache-crash (fixture)", dir.resolve("small"), () -> Report.of(Fixtures.cacheCrash()).withExplanation(Fixtures.cacheCrashExplained()));
        measure("100,000 events", dir.resolve("large"), () -> Report.of(large).withExplanation(new Explained(loss.get(2),
                List.of(new Explained.Step("1 message lost", List.of(loss.get(0), loss.get(1), loss.get(2)))))));
    }

    interface Make {
        Report make();
    }

    static void measure(String what, Path dir, Make make) {
        List<Double> writes = new ArrayList<>();
        Report.Written written = null;
        for (int i = 0; i < 7; i++) {
            long start = System.nanoTime();
            written = make.make().writeTo(dir);
            writes.add((System.nanoTime() - start) / 1e6);
        }
        List<Double> renders = new ArrayList<>();
        Browser browser = Browser.find().orElse(null);
        for (int i = 0; browser != null && i < 5; i++) {
            renders.add(Double.parseDouble(Browser.htmlAttribute(browser.dom(written.html()), "data-rendered")));
        }
        try {
            System.out.printf(Locale.ROOT, "%s: write %.1f ms (median of 7, first %.1f ms), html %,d bytes, chrome trace %,d bytes, "
                            + "Chromium load-to-rendered %s ms (median of 5)%n", what, median(writes), writes.getFirst(),
                    Files.size(written.html()), Files.size(written.chromeTrace()), renders.isEmpty() ? "n/a" : String.format(Locale.ROOT, "%.0f", median(renders)));
        } catch (java.io.IOException failed) {
            throw new java.io.UncheckedIOException(failed);
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
