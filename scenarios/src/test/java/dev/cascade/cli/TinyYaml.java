package dev.cascade.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small structural YAML reader for the shipped manifests (no YAML library is a dependency):
 * block maps and sequences by indentation, flow sequences of scalars, {@code {}}, quoted and plain
 * scalars, {@code ---} between documents, whole-line comments. Anything else is an error naming the line.
 */
final class TinyYaml {
    private record Line(int number, int indent, String text) {}

    private final List<Line> lines;
    private int pos;

    private TinyYaml(List<Line> lines) {
        this.lines = lines;
    }

    /** The documents of {@code text}, each a map, list or string. */
    static List<Object> documents(String text) {
        List<Object> documents = new ArrayList<>();
        List<Line> current = new ArrayList<>();
        String[] raw = text.split("\n", -1);
        for (int i = 0; i < raw.length; i++) {
            String line = raw[i];
            if (line.indexOf('\t') >= 0) {
                throw new IllegalArgumentException("line " + (i + 1) + ": a tab (YAML indents with spaces)");
            }
            if (line.strip().equals("---")) {
                documents.add(new TinyYaml(current).document());
                current = new ArrayList<>();
                continue;
            }
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            int indent = line.length() - line.stripLeading().length();
            current.add(new Line(i + 1, indent, line.strip()));
        }
        documents.add(new TinyYaml(current).document());
        return documents;
    }

    private Object document() {
        Object value = block(lines.getFirst().indent());
        if (pos < lines.size()) {
            throw bad(lines.get(pos), "unexpected indentation");
        }
        return value;
    }

    private Object block(int indent) {
        return lines.get(pos).text().startsWith("- ") ? sequence(indent) : map(indent);
    }

    private Map<String, Object> map(int indent) {
        Map<String, Object> map = new LinkedHashMap<>();
        while (pos < lines.size() && lines.get(pos).indent() == indent && !lines.get(pos).text().startsWith("- ")) {
            Line line = lines.get(pos++);
            int colon = keyEnd(line.text());
            if (colon < 0) {
                throw bad(line, "expected \"key: value\" or \"key:\"");
            }
            String key = line.text().substring(0, colon);
            String rest = line.text().substring(colon + 1).strip();
            if (map.containsKey(key)) {
                throw bad(line, "duplicate key " + key);
            }
            if (!rest.isEmpty()) {
                map.put(key, scalar(line, rest));
            } else if (pos < lines.size() && (lines.get(pos).indent() > indent
                    || lines.get(pos).indent() == indent && lines.get(pos).text().startsWith("- "))) {
                map.put(key, block(lines.get(pos).indent()));
            } else {
                map.put(key, "");
            }
        }
        if (pos < lines.size() && lines.get(pos).indent() > indent) {
            throw bad(lines.get(pos), "deeper than the map it is in");
        }
        return map;
    }

    private List<Object> sequence(int indent) {
        List<Object> list = new ArrayList<>();
        while (pos < lines.size() && lines.get(pos).indent() == indent && lines.get(pos).text().startsWith("- ")) {
            Line line = lines.get(pos);
            String item = line.text().substring(2).strip();
            if (keyEnd(item) > 0) {
                lines.set(pos, new Line(line.number(), indent + 2, item));
                list.add(map(indent + 2));
            } else {
                pos++;
                list.add(scalar(line, item));
            }
        }
        return list;
    }

    /** Where a key's colon is ({@code key:} or {@code key: v}), outside quotes and brackets; -1 if none. */
    private static int keyEnd(String text) {
        if (text.startsWith("\"") || text.startsWith("[") || text.startsWith("{")) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ':' && (i + 1 == text.length() || text.charAt(i + 1) == ' ')) {
                return i;
            }
            if (text.charAt(i) == ' ' && !text.substring(0, i).matches("[\\w.\\-/]+")) {
                return -1;
            }
        }
        return -1;
    }

    private static Object scalar(Line line, String text) {
        if (text.equals("{}")) {
            return Map.of();
        }
        if (text.startsWith("[")) {
            if (!text.endsWith("]")) {
                throw bad(line, "a flow sequence must end on its line with ]");
            }
            List<Object> items = new ArrayList<>();
            String inner = text.substring(1, text.length() - 1).strip();
            int i = 0;
            while (i < inner.length()) {
                int end;
                if (inner.charAt(i) == '"') {
                    end = inner.indexOf('"', i + 1);
                    if (end < 0) {
                        throw bad(line, "an unclosed quote");
                    }
                    items.add(inner.substring(i + 1, end));
                    end++;
                } else {
                    end = inner.indexOf(',', i);
                    end = end < 0 ? inner.length() : end;
                    items.add(inner.substring(i, end).strip());
                }
                int comma = inner.indexOf(',', end);
                if (comma < 0 && !inner.substring(end).isBlank()) {
                    throw bad(line, "expected , between items");
                }
                i = comma < 0 ? inner.length() : comma + 1;
                while (i < inner.length() && inner.charAt(i) == ' ') {
                    i++;
                }
            }
            return items;
        }
        if (text.startsWith("\"")) {
            if (text.length() < 2 || !text.endsWith("\"")) {
                throw bad(line, "an unclosed quote");
            }
            return text.substring(1, text.length() - 1);
        }
        return text;
    }

    private static IllegalArgumentException bad(Line line, String why) {
        return new IllegalArgumentException("line " + line.number() + ": " + why + ": " + line.text());
    }
}
