package dev.cascade.catalog;

import dev.cascade.scenario.Scenario;
import dev.cascade.scenario.ScenarioFormatException;
import dev.cascade.scenario.ScenarioReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an entry's files from the class path ({@code catalog/<id>/}, copied there from
 * {@code scenarios/catalog/}). {@code story.md} is a title line ({@code # Name}) and sections
 * {@code ## problem}, {@code ## symptom}, {@code ## fix}, {@code ## references} (one per line, {@code - } first).
 */
final class Stories {
    private Stories() {}

    static Entry load(String id, Story bad, Story fixed) {
        Map<String, String> sections = sections(id, text(id, "story.md"));
        List<String> references = new ArrayList<>();
        for (String line : sections.getOrDefault("references", "").split("\n")) {
            if (line.startsWith("- ")) {
                references.add(line.substring(2).strip());
            }
        }
        return new Entry(id, sections.getOrDefault("name", ""), sections.getOrDefault("problem", ""),
                sections.getOrDefault("symptom", ""), sections.getOrDefault("fix", ""), references,
                bad, fixed);
    }

    /** An entry whose trees are {@code bad.json} and {@code fixed.json}. */
    static Entry load(String id) {
        return load(id, new Story.File(scenario(id, "bad.json")), new Story.File(scenario(id, "fixed.json")));
    }

    private static Scenario scenario(String id, String file) {
        try {
            return ScenarioReader.read(text(id, file));
        } catch (ScenarioFormatException invalid) {
            throw new IllegalStateException("catalog/" + id + "/" + file + ": " + invalid.getMessage(), invalid);
        }
    }

    private static Map<String, String> sections(String id, String story) {
        Map<String, String> sections = new LinkedHashMap<>();
        String current = null;
        StringBuilder body = new StringBuilder();
        for (String line : story.split("\n")) {
            if (line.startsWith("# ")) {
                sections.put("name", line.substring(2).strip());
            } else if (line.startsWith("## ")) {
                if (current != null) {
                    sections.put(current, body.toString().strip());
                }
                current = line.substring(3).strip();
                body.setLength(0);
            } else if (current != null) {
                body.append(line).append('\n');
            }
        }
        if (current != null) {
            sections.put(current, body.toString().strip());
        }
        return sections;
    }

    private static String text(String id, String file) {
        String resource = "/catalog/" + id + "/" + file;
        try (InputStream in = Stories.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("catalog entry " + id + " has no " + file + " (looked for " + resource
                        + " on the class path; the build copies scenarios/catalog/ there)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException failed) {
            throw new UncheckedIOException("could not read " + resource + ": " + failed.getMessage(), failed);
        }
    }
}
