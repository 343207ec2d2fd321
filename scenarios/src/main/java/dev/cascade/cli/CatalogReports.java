package dev.cascade.cli;

import dev.cascade.catalog.CatalogRun;
import dev.cascade.report.Report;
import dev.cascade.report.SpecVerdict;
import dev.cascade.spec.Verdict;
import dev.cascade.trace.TraceFile;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** The HTML report of one catalog run, with the entry's check as its spec verdict. */
final class CatalogReports {
    private CatalogReports() {}

    static Path write(CatalogRun run, Verdict verdict, Path dir) {
        StringWriter trace = new StringWriter();
        try {
            TraceFile.write(run.record(), trace);
        } catch (IOException failed) {
            throw new UncheckedIOException("could not write the trace of " + run.record().name(), failed);
        }
        String label = switch (verdict) {
            case Verdict.Pass pass -> "PASS";
            case Verdict.Fail fail -> "FAIL";
            case Verdict.Inconclusive open -> "INCONCLUSIVE";
        };
        String why = switch (verdict) {
            case Verdict.Pass pass -> "";
            case Verdict.Fail fail -> fail.what();
            case Verdict.Inconclusive open -> open.why();
        };
        List<Long> events = verdict instanceof Verdict.Fail fail ? fail.events() : List.of();
        return Report.of(trace.toString())
                .withVerdict("check", label)
                .withReplay("java -jar cascade.jar catalog run " + run.record().name().replaceAll("-(bad|fixed)$", ""))
                .withSpecVerdicts(List.of(new SpecVerdict(verdict.spec(), label, why, events)))
                .writeTo(dir)
                .html();
    }
}
