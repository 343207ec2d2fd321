package dev.cascade.report;

import dev.cascade.report.internal.Page;
import dev.cascade.report.internal.TraceText;

import dev.cascade.trace.TraceFile;
import dev.cascade.trace.TraceRecord;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The report of one run: a view of its {@code cascade-trace/1} trace (docs/trace-format.md) with
 * what the trace does not hold — the run's verdicts, the backend, how long it ran, the command that
 * replays it, the explanations of its cascade and the verdicts of its specifications. Immutable;
 * nothing is written before {@link #writeTo}.
 *
 * <pre>{@code
 * Report.Written files = Report.of(Files.readString(Path.of("cache-crash.trace.json")))
 *         .withVerdict("outcome", "FAIL")
 *         .withBackend("carrier")
 *         .withReplay("java -jar cascade.jar run cache-crash.json --seed 7")
 *         .writeTo(Path.of("cascade-out"));
 * System.out.println("report: " + files.html().toUri());
 * }</pre>
 */
public final class Report {
    /**
     * A verdict shown in the page's header, e.g. {@code test: FAIL}.
     *
     * @param label   what was judged ({@code test}, {@code outcome}, {@code determinism})
     * @param verdict the verdict ({@code PASS}, {@code FAIL}, {@code INCONCLUSIVE}, or a word such as {@code RAN})
     */
    public record Verdict(String label, String verdict) {
        public Verdict {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(verdict, "verdict");
        }
    }

    /**
     * What {@link #writeTo} wrote.
     *
     * @param html        the self-contained page
     * @param trace       the run's {@code cascade-trace/1} trace, as given
     * @param chromeTrace the run as Chrome Trace Event JSON (Perfetto, chrome://tracing)
     */
    public record Written(Path html, Path trace, Path chromeTrace) {}

    private final String trace;
    private final TraceText facts;
    private final List<Verdict> verdicts;
    private final String backend;
    private final Duration duration;
    private final String replay;
    private final List<Explained> explanations;
    private final List<SpecVerdict> specs;

    private Report(String trace, TraceText facts, List<Verdict> verdicts, String backend, Duration duration,
                   String replay, List<Explained> explanations, List<SpecVerdict> specs) {
        this.trace = trace;
        this.facts = facts;
        this.verdicts = List.copyOf(verdicts);
        this.backend = backend;
        this.duration = duration;
        this.replay = replay;
        this.explanations = List.copyOf(explanations);
        this.specs = List.copyOf(specs);
    }

    /**
     * The report of the run whose trace this is.
     *
     * @param traceJson a {@code cascade-trace/1} document, as {@code TraceFile} writes it
     * @throws IllegalArgumentException if it is not one (the message says what was found)
     */
    public static Report of(String traceJson) {
        Objects.requireNonNull(traceJson, "traceJson");
        return new Report(traceJson, TraceText.read(traceJson), List.of(), "", null, "", List.of(), List.of());
    }

    /**
     * The report of a recorded run: its trace as {@link TraceFile} writes it, with the explanations of
     * its cascades ({@link Explained#cascadesOf}, at most 5) when something went wrong.
     */
    public static Report of(TraceRecord record) {
        StringWriter text = new StringWriter();
        try {
            TraceFile.write(record, text);
        } catch (IOException impossible) { // a StringWriter does not fail
            throw new UncheckedIOException(impossible);
        }
        Report report = of(text.toString());
        for (Explained explained : Explained.cascadesOf(record.trace(), 5)) {
            report = report.withExplanation(explained);
        }
        return report;
    }

    /** Adds a verdict to the header ({@code withVerdict("test", "FAIL")}). */
    public Report withVerdict(String label, String verdict) {
        List<Verdict> more = new ArrayList<>(verdicts);
        more.add(new Verdict(label, verdict));
        return new Report(trace, facts, more, backend, duration, replay, explanations, specs);
    }

    /** The simulation's backend ({@code carrier}, {@code platform}), shown beside the scheduler. */
    public Report withBackend(String backend) {
        return new Report(trace, facts, verdicts, Objects.requireNonNull(backend, "backend"), duration, replay, explanations, specs);
    }

    /** How long the run lasted (virtual time when simulated); without it, the time of the last event. */
    public Report withDuration(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must be >= 0 but was: " + duration);
        }
        return new Report(trace, facts, verdicts, backend, duration, replay, explanations, specs);
    }

    /** The one-line command that replays the run, offered to copy. */
    public Report withReplay(String command) {
        return new Report(trace, facts, verdicts, backend, duration, Objects.requireNonNull(command, "command"), explanations, specs);
    }

    /** Adds an explanation of the cascade (shown first, each step linked to its events). */
    public Report withExplanation(Explained explanation) {
        List<Explained> more = new ArrayList<>(explanations);
        more.add(Objects.requireNonNull(explanation, "explanation"));
        return new Report(trace, facts, verdicts, backend, duration, replay, more, specs);
    }

    /** The verdicts of the run's specifications; without any, the page says none were checked. */
    public Report withSpecVerdicts(List<SpecVerdict> verdicts) {
        return new Report(trace, facts, this.verdicts, backend, duration, replay, explanations, verdicts);
    }

    /** The run's name, from its trace ({@code ""} when it has none). */
    public String name() {
        return facts.name();
    }

    /** Faults fired, restarts, give-ups and lost messages of the run, for the suite index. */
    dev.cascade.report.internal.TraceText.Counts counts() {
        return facts.counts();
    }

    /** The simulation's seed, if simulated. */
    java.util.Optional<Long> seed() {
        return facts.seed();
    }

    /** The page's text: one self-contained HTML document. */
    public String html() {
        return Page.html(facts.name().isEmpty() ? "run" : facts.name(), Page.data(facts, fileName(facts.name()) + ".trace.json", verdicts, backend, duration, replay, explanations, specs));
    }

    /** The run as Chrome Trace Event JSON; see {@link ChromeTrace}. */
    public String chromeTrace() {
        return ChromeTrace.of(facts);
    }

    /**
     * Writes {@code <name>.html}, {@code <name>.trace.json} (the trace as given) and
     * {@code <name>.chrome-trace.json} into {@code dir} (created if needed), {@code <name>} being the run's name made safe for a file name ({@code run} if empty).
     *
     * @throws UncheckedIOException if they cannot be written (the message names the file)
     */
    public Written writeTo(Path dir) {
        String base = fileName(facts.name());
        Path html = dir.resolve(base + ".html");
        Path chrome = dir.resolve(base + ".chrome-trace.json");
        Path traceFile = dir.resolve(base + ".trace.json");
        try {
            Files.createDirectories(dir);
            Files.writeString(html, html());
            Files.writeString(traceFile, trace);
            Files.writeString(chrome, chromeTrace());
        } catch (IOException failed) {
            throw new UncheckedIOException("cannot write the report into " + dir + ": " + failed.getMessage(), failed);
        }
        return new Written(html, traceFile, chrome);
    }

    static String fileName(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^[._]+", "");
        if (safe.length() > 120) {
            safe = safe.substring(0, 120);
        }
        return safe.isEmpty() ? "run" : safe;
    }
}
