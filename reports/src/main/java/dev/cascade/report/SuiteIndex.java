package dev.cascade.report;

import dev.cascade.report.internal.IndexData;
import dev.cascade.report.internal.IndexPage;
import dev.cascade.report.internal.TraceText;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The index of a test run's reports, {@code index.html} in its folder (the JUnit extension's is
 * {@code target/cascade/index.html}): every run with its test, verdict, seed, faults fired,
 * restarts, give-ups, lost messages and a link to its report; failures first, sortable by any
 * column. Safe to use from tests running in parallel; {@link #write} rewrites the page with every
 * run added so far.
 *
 * <p>The page carries its rows as data ({@code cascade-index/1}, in a JSON script element), so that a
 * later step can {@link #read} it back and add to it: the CI gate ({@code cascade:check}) gives each run
 * its {@link Drift} from the baseline, shown in a drift column linked to the run's report, and lists
 * the baseline's {@linkplain #stale stale} entries.
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

    /**
     * What the CI gate found for a run, compared with its baseline: shown in the index's drift column,
     * linked to the run's report.
     *
     * <pre>{@code
     * index.drift(run.report(), new SuiteIndex.Drift(SuiteIndex.Drift.Kind.DRIFT,
     *         List.of("restarts[payments:root/gateway] 1 → 2"), true));
     * }</pre>
     *
     * @param kind    what the gate found
     * @param changes each reading that moved, as the gate names it ({@code restarts[payments:root/gateway] 1 → 2});
     *                empty when nothing moved
     * @param fails   whether it failed the gate
     */
    public record Drift(Kind kind, List<String> changes, boolean fails) {
        public Drift {
            Objects.requireNonNull(kind, "kind");
            changes = List.copyOf(changes);
        }

        /** The gate's findings, from the mildest. */
        public enum Kind {
            /** Every compared reading is as in the baseline (or, in real mode, within its tolerance). */
            MATCHES("= baseline"),
            /** Better than the baseline ({@code cascade:baseline} tightens it). */
            IMPROVED("improved"),
            /** Not in the baseline. */
            NEW("new"),
            /** Worse than the baseline (a simulated run: the same again when replayed from its seed). */
            DRIFT("drift"),
            /** A drift whose replay could not run, so it is not known whether it is one. */
            UNCLASSIFIED("drift, not classified"),
            /** Its replay from the same seed differed: the test depends on more than its seed. */
            DETERMINISM_DEFECT("determinism defect");

            private final String label;

            Kind(String label) {
                this.label = label;
            }

            /** How the drift column names it. */
            public String label() {
                return label;
            }
        }
    }

    private final Path dir;
    private final ConcurrentLinkedQueue<Run> runs = new ConcurrentLinkedQueue<>();
    private final Map<Path, Drift> drifts = new ConcurrentHashMap<>();
    private final List<String> stale = new CopyOnWriteArrayList<>();

    private SuiteIndex(Path dir) {
        this.dir = dir;
    }

    /** An empty index whose page is {@code dir/index.html}. */
    public static SuiteIndex in(Path dir) {
        return new SuiteIndex(Objects.requireNonNull(dir, "dir"));
    }

    /**
     * The index as last written in {@code dir} ({@code dir/index.html}): its runs, their drifts and the stale
     * entries; an empty index when there is no page yet.
     *
     * @throws IllegalArgumentException if the page holds no index data this version reads (the message names
     *                                  the file and what to do)
     */
    public static SuiteIndex read(Path dir) {
        SuiteIndex index = in(dir);
        IndexData.read(dir, index);
        return index;
    }

    /** Adds a run. */
    public SuiteIndex add(Run run) {
        runs.add(Objects.requireNonNull(run, "run"));
        return this;
    }

    /** Sets the drift of the runs whose report is {@code report} (replacing one set before). */
    public SuiteIndex drift(Path report, Drift drift) {
        drifts.put(key(report), Objects.requireNonNull(drift, "drift"));
        return this;
    }

    /** Forgets every drift and every stale entry, before a gate sets them again. */
    public SuiteIndex clearDrifts() {
        drifts.clear();
        stale.clear();
        return this;
    }

    /** The drift of a run, when the gate gave it one. */
    public Optional<Drift> driftOf(Run run) {
        return Optional.ofNullable(drifts.get(key(run.report())));
    }

    /** Lists a baseline entry with no test run (the gate reports it as stale). */
    public SuiteIndex stale(String test) {
        stale.add(Objects.requireNonNull(test, "test"));
        return this;
    }

    /** The stale baseline entries, sorted. */
    public List<String> stale() {
        return stale.stream().sorted().distinct().toList();
    }

    /** The runs added so far: failures (of the test or of the gate) first, then by test name. */
    public List<Run> runs() {
        List<Run> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparing((Run run) -> !run.failed() && !driftOf(run).map(Drift::fails).orElse(false))
                .thenComparing(Run::test));
        return sorted;
    }

    /** The folder of the page. */
    public Path dir() {
        return dir;
    }

    private static Path key(Path report) {
        return report.toAbsolutePath().normalize();
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
            // a temporary name of its own, created with the usual permissions (createTempFile's are owner-only)
            Path temporary = dir.resolve("index." + java.util.UUID.randomUUID() + ".tmp");
            Files.writeString(temporary, IndexPage.html(this), java.nio.file.StandardOpenOption.CREATE_NEW);
            Files.move(temporary, page, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException failed) {
            throw new UncheckedIOException("cannot write the suite index " + page + ": " + failed.getMessage(), failed);
        }
        return page;
    }
}
