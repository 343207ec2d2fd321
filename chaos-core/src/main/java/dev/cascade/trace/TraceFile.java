package dev.cascade.trace;

import dev.cascade.internal.json.JsonLines;
import dev.cascade.internal.json.JsonValue;
import dev.cascade.internal.json.JsonWriter;
import dev.cascade.runtime.Pid;
import dev.cascade.scenario.ScenarioFormatException;
import dev.cascade.trace.internal.EventReader;
import dev.cascade.trace.internal.EventWriter;
import dev.cascade.trace.internal.Members;
import dev.cascade.trace.internal.RecordJson;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes and reads {@code cascade-trace/1} files (docs/trace-format.md): one JSON object with the
 * header, then one event per line, then the left-out counts, the accounting and the ledger. Both
 * stream: the writer writes each event as it goes, the reader holds the events it read and one line,
 * never the whole text.
 *
 * <pre>{@code
 * TraceFile.write(TraceRecord.of("payments", tree, spec), Path.of("target/payments.trace.json"));
 * TraceRecord back = TraceFile.read(Path.of("target/payments.trace.json"));   // equal to what was written
 * }</pre>
 */
public final class TraceFile {
    private static final String EVENTS_OPEN = "  \"events\": [";
    private static final String EVENTS_CLOSE = "  ],";

    private TraceFile() {}

    /** Writes {@code record} to {@code file} (UTF-8), replacing it. */
    public static void write(TraceRecord record, Path file) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(record, out);
        } catch (IOException failed) {
            throw new UncheckedIOException("could not write the trace file " + file + ": " + failed.getMessage(), failed);
        }
    }

    /** Writes {@code record} to {@code out}, event by event; does not close it. */
    public static void write(TraceRecord record, Writer out) throws IOException {
        Writer to = out instanceof BufferedWriter ? out : new BufferedWriter(out, 1 << 16);
        String header = JsonWriter.write(RecordJson.header(record.name(), record.scheduler(), record.tree()));
        to.write(header, 0, header.length() - "}\n".length() - 1); // without the closing brace, and the line break before it
        to.write(",\n");
        to.write(EVENTS_OPEN);
        EventWriter events = new EventWriter();
        boolean first = true;
        for (TraceEvent event : record.trace().everything().events()) { // a file holds the run, not a view of it
            to.write(first ? "\n" : ",\n");
            to.write(events.line(event));
            first = false;
        }
        to.write("\n");
        to.write(EVENTS_CLOSE);
        to.write("\n");
        String footer = JsonWriter.write(RecordJson.footer(record.trace(), record.ledger()));
        to.write(footer, "{\n".length(), footer.length() - "{\n".length());
        to.flush();
    }

    /**
     * Reads the trace file {@code file}.
     *
     * @throws TraceFormatException if it is not a {@code cascade-trace/1} file as {@link #write} lays it out
     */
    public static TraceRecord read(Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in);
        } catch (IOException failed) {
            throw new UncheckedIOException("could not read the trace file " + file + ": " + failed.getMessage(), failed);
        }
    }

    /**
     * Reads a trace file from {@code in}, line by line; does not close it.
     *
     * @throws TraceFormatException if it is not a {@code cascade-trace/1} file as {@link #write} lays it out
     */
    public static TraceRecord read(Reader in) throws IOException {
        BufferedReader lines = in instanceof BufferedReader buffered ? buffered : new BufferedReader(in, 1 << 16);
        StringBuilder head = new StringBuilder();
        int number = 0;
        String line;
        while ((line = lines.readLine()) != null && !line.equals(EVENTS_OPEN)) {
            head.append(line).append('\n');
            number++;
        }
        if (line == null) {
            throw new TraceFormatException("line " + number, "expected a line " + EVENTS_OPEN.strip()
                    + " (one event per line follows it) but the file ended; is this a cascade-trace/1 file?");
        }
        int headEnd = head.lastIndexOf(",");
        Members header = Members.of(parse(headEnd < 0 ? head + "}" : head.substring(0, headEnd) + "}", 1), "header");
        RecordJson.checkFormat(header);
        number++;
        List<TraceEvent> events = new ArrayList<>();
        EventReader reader = new EventReader();
        JsonLines json = new JsonLines(); // the events repeat their member names: one String each
        while ((line = lines.readLine()) != null && !line.equals(EVENTS_CLOSE)) {
            number++;
            int lineNumber = number;
            JsonValue value = parse(json, line, line.endsWith(",") ? line.length() - 1 : line.length(), number); // no copy
            Optional<TraceEvent> event = reader.read(Members.of(value, () -> "line " + lineNumber));
            event.ifPresent(events::add);
        }
        if (line == null) {
            throw new TraceFormatException("line " + number, "expected a line " + EVENTS_CLOSE.strip()
                    + " after the events but the file ended");
        }
        int footerStart = number + 1;
        StringBuilder tail = new StringBuilder("{\n");
        while ((line = lines.readLine()) != null) {
            tail.append(line).append('\n');
        }
        Members footer = Members.of(parse(tail.toString(), footerStart - 1), "footer");
        Map<Pid, Accounting> counted = new LinkedHashMap<>();
        Map<Pid, Integer> queued = new HashMap<>();
        RecordJson.processes(footer, counted, queued);
        Trace trace;
        try {
            trace = new Trace(events, queued, RecordJson.leftOut(footer), counted);
        } catch (IllegalArgumentException invalid) {
            throw new TraceFormatException("events", invalid.getMessage());
        }
        return new TraceRecord(header.string("name"), RecordJson.scheduler(header), RecordJson.tree(header), trace,
                RecordJson.ledger(footer));
    }

    /** Parses {@code text}, which starts at line {@code firstLine} of the file; syntax errors name the file's line. */
    private static JsonValue parse(String text, int firstLine) {
        return parse(new JsonLines(), text, text.length(), firstLine);
    }

    /** Parses the first {@code end} characters of {@code text}, which starts at line {@code firstLine} of the file. */
    private static JsonValue parse(JsonLines json, String text, int end, int firstLine) {
        try {
            return json.parse(text, end);
        } catch (ScenarioFormatException invalid) {
            String location = invalid.location();
            int colon = location.indexOf(':');
            if (colon > 0 && location.substring(0, colon).chars().allMatch(Character::isDigit)) {
                int line = Integer.parseInt(location.substring(0, colon)) + firstLine - 1;
                location = "line " + line + ", column " + location.substring(colon + 1);
            }
            throw new TraceFormatException(location, invalid.problem());
        }
    }
}
