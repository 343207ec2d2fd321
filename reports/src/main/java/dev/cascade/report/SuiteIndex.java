package dev.cascade.report;

import dev.cascade.report.internal.IndexPage;
import dev.cascade.report.internal.TraceText;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The index of a test run's reports, {@code index.html} in its folder (the JUnit extension's is
 * {@code target/cascade/index.html}): every run with its test, verdict, seed, faults fired,
 * restarts, give-ups, lost messages and a link to its report; failures first, sortable by any
 * column. Safe to use from tests running in parallel; {@link #write} rewrites the page with every
 * run added so far.
 *
 * <pre>{@code
 * SuiteIndex index = SuiteIndex.in(Path.of("target/cascade"));
 * Report.Written files = report.writeTo(Path.of("target/cascade/PaymentsTest/crashLoop"));
 * index.add(SuiteIndex.Run.of("PaymentsTest.crashLoop", "FAIL", report, files.html()));
 * Path page = index.write();
 * }</pre>
 */
public final class SuiteIndex {
    /**
     * One run as the index lists it.
     *
     * @param test        the test's (or scenario's) name
     * @param verdict     {@code FAIL}, {@code PASS}, … (failures are listed first)
     * @param seed        the simulation's seed; empty on the real scheduler
     * @param faultsFired faults of the plan that fired
     * @param restarts    restarts supervisors decided
     * @param giveUps     supervisors that gave up
     * @param lost        messages lost (queued in a process that died)
     * @param report      the run's HTML report
     */
    public record Run(String test, String verdict, OptionalLong seed, long faultsFired, long restarts, long giveUps, long lost,
                      Path report) {
        public Run {
            Objects.requireNonNull(test, "test");
            Objects.requireNonNull(verdict, "verdict");
            Objects.requireNonNull(seed, "seed");
            Objects.requireNonNull(report, "report");
        }

        /** A run whose figures are read from its report's trace. */
        public static Run of(String test, String verdict, Report report, Path html) {
            TraceText.Counts counts = report.counts();
            OptionalLong seed = report.seed().map(OptionalLong::of).orElse(OptionalLong.empty());
            return new Run(test, verdict, seed, counts.faultsFired(), counts.restarts(), counts.giveUps(), counts.lost(), html);
        }

        /** Whether the verdict is a failure (listed first). */
        public boolean failed() {
            return verdict.equalsIgnoreCase("FAIL") || verdict.equalsIgnoreCase("FAILED") || verdict.equalsIgnoreCase("ERROR");
        }
    }

    private final Path dir;
    private final ConcurrentLinkedQueue<Run> runs = new ConcurrentLinkedQueue<>();

    private SuiteIndex(Path dir) {
        this.dir = dir;
    }

    /** An empty index whose page is {@code dir/index.html}. */
    public static SuiteIndex in(Path dir) {
        return new SuiteIndex(Objects.requireNonNull(dir, "dir"));
    }

    /** Adds a run. */
    public SuiteIndex add(Run run) {
        runs.add(Objects.requireNonNull(run, "run"));
        return this;
    }

    /** The runs added so far: failures first, then by test name. */
    public List<Run> runs() {
        List<Run> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparing((Run run) -> !run.failed()).thenComparing(Run::test));
        return sorted;
    }

    /**
     * Writes {@code index.html} with every run added so far and returns its path.
     *
     * @throws UncheckedIOException if it cannot be written (the message names the file)
     */
    public Path write() {
        Path page = dir.resolve("index.html");
        try {
            Files.createDirectories(dir);
            Path temporary = Files.createTempFile(dir, "index", ".tmp");
            Files.writeString(temporary, IndexPage.html(dir, runs()));
            Files.move(temporary, page, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException failed) {
            throw new UncheckedIOException("cannot write the suite index " + page + ": " + failed.getMessage(), failed);
        }
        return page;
    }
}
