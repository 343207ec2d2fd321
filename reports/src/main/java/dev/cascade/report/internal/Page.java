package dev.cascade.report.internal;

import dev.cascade.report.Explained;
import dev.cascade.report.Report;
import dev.cascade.report.SpecVerdict;
import dev.cascade.internal.json.JsonWriter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The page: the template with its style, its scripts and the run's data put in. The data is the
 * trace as written, wrapped in a {@code cascade-report/1} object with what the trace does not hold;
 * every {@code <} in it is written {@code \u003c}, so no text of the run can end the script element. Not API.
 */
public final class Page {
    private static final List<String> SCRIPTS = List.of("trace.js", "describe.js", "model.js", "lanes.js", "sections.js", "main.js");
    private static final String TEMPLATE = resource("page.html");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Z_]+)}}");
    private static final String CSS = resource("page.css");
    private static final String JS = SCRIPTS.stream().map(Page::resource).collect(Collectors.joining("\n"));

    private Page() {}

    /** The report page of a run called {@code title} with this data. */
    public static String html(String title, String data) {
        return fill(TEMPLATE, Map.of("TITLE", escape(title) + " — Cascade report", "GENERATOR", "reports", "CSS", CSS, "JS", JS,
                "DATA", data.replace("<", "\\u003c")));
    }

    /**
     * {@code template} with each {@code {{NAME}}} replaced by its value in one pass, so that no value (a
     * test's name, a run's text, the scripts) is taken for a placeholder; an unknown name is left as it is.
     */
    static String fill(String template, Map<String, String> values) {
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + values.values().stream().mapToInt(String::length).sum());
        while (placeholder.find()) {
            placeholder.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(placeholder.group(1), placeholder.group())));
        }
        return placeholder.appendTail(out).toString();
    }

    /** The page's data object around the trace text. */
    public static String data(TraceText trace, String traceFile, List<Report.Verdict> verdicts, String backend, Duration duration,
                              String replay, List<Explained> explanations, List<SpecVerdict> specs) {
        java.util.Set<Long> named = new java.util.HashSet<>();
        explanations.forEach(x -> {
            named.add(x.about());
            x.steps().forEach(step -> named.addAll(step.events()));
        });
        specs.forEach(v -> named.addAll(v.events()));
        PageTrace held = PageTrace.of(trace, named);
        StringBuilder out = new StringBuilder(held.text().length() + 4096);
        out.append("{\"format\":\"cascade-report/1\",\"run\":{\"verdicts\":[");
        for (int i = 0; i < verdicts.size(); i++) {
            out.append(i == 0 ? "" : ",").append("{\"label\":").append(JsonWriter.quote(verdicts.get(i).label()))
                    .append(",\"verdict\":").append(JsonWriter.quote(verdicts.get(i).verdict())).append('}');
        }
        out.append("],\"backend\":").append(JsonWriter.quote(backend)).append(",\"replay\":").append(JsonWriter.quote(replay));
        if (duration != null) {
            out.append(",\"duration_ms\":").append(duration.toNanos() / 1e6);
        }
        out.append("},\"explanations\":[");
        for (int i = 0; i < explanations.size(); i++) {
            Explained x = explanations.get(i);
            out.append(i == 0 ? "" : ",").append("{\"about\":").append(x.about()).append(",\"steps\":[");
            for (int j = 0; j < x.steps().size(); j++) {
                Explained.Step step = x.steps().get(j);
                out.append(j == 0 ? "" : ",").append("{\"text\":").append(JsonWriter.quote(step.text())).append(",\"events\":")
                        .append(step.events().stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]"))).append('}');
            }
            out.append("]}");
        }
        out.append("],\"verdicts\":[");
        for (int i = 0; i < specs.size(); i++) {
            SpecVerdict v = specs.get(i);
            out.append(i == 0 ? "" : ",").append("{\"spec\":").append(JsonWriter.quote(v.spec())).append(",\"verdict\":")
                    .append(JsonWriter.quote(v.verdict())).append(",\"why\":").append(JsonWriter.quote(v.why())).append(",\"events\":")
                    .append(v.events().stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]"))).append('}');
        }
        out.append("],\"page\":{\"events\":").append(held.total()).append(",\"trace_file\":").append(JsonWriter.quote(traceFile))
                .append(",\"cap_per_pair\":").append(held.capPerPair()).append(",\"left_out\":{");
        String sep = "";
        for (var left : held.leftOut().entrySet()) {
            out.append(sep).append(JsonWriter.quote(left.getKey())).append(':').append(left.getValue());
            sep = ",";
        }
        out.append("}}");
        out.append(",\"trace\":").append(held.text().strip()).append('}');
        return out.toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static String resource(String name) {
        try (InputStream in = Page.class.getResourceAsStream("/dev/cascade/report/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the reports jar is missing its resource dev/cascade/report/" + name + "; rebuild it");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException failed) {
            throw new UncheckedIOException("cannot read the report resource " + name, failed);
        }
    }
}
