package dev.cascade.spec;

import dev.cascade.chaos.FaultPlan;
import dev.cascade.internal.Echo;
import dev.cascade.internal.Limits;
import dev.cascade.internal.json.JsonParser;
import dev.cascade.internal.json.JsonPath;
import dev.cascade.internal.json.JsonValue;
import dev.cascade.internal.json.JsonWriter;
import dev.cascade.scenario.Scenario;
import dev.cascade.scenario.ScenarioFormatException;
import dev.cascade.scenario.ScenarioReader;
import dev.cascade.scenario.internal.FaultParser;
import dev.cascade.scenario.internal.FaultSpelling;
import dev.cascade.scenario.internal.Fields;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A {@code cascade-plan/1} file: a (shrunk) failing plan kept to be replayed for ever — its faults in
 * the scenario format's spelling, the simulation seed, how long the tree settled, and the specs it
 * was checked against (documented in {@code docs/scenario-format.md}, "Plan files").
 *
 * <pre>{@code
 * PlanFile file = PlanFile.read(Path.of("src/test/cascade/regressions/gateway-1f2e3d4c.json"));
 * CascadeRun run = file.trial().run(payments, file.settle());
 * }</pre>
 *
 * @param name   {@code <property>-<hash>}, the file's name without {@code .json}
 * @param specs  the specs' names ({@link SpecSyntax} reads the built-ins back)
 * @param note   what shrinking said, for the reader; may be empty
 */
public record PlanFile(String name, Trial trial, Duration settle, List<String> specs, String note) {
    public static final String FORMAT = "cascade-plan/1";
    private static final Set<String> FIELDS = Set.of("format", "name", "seed", "settle_ms", "specs", "faults", "note");

    public PlanFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(trial, "trial");
        Objects.requireNonNull(settle, "settle");
        specs = List.copyOf(specs);
        Objects.requireNonNull(note, "note");
    }

    /** A file name for {@code property}'s failing {@code trial}: {@code <property>-<8 hex digits of the plan's hash>}. */
    public static String nameFor(String property, Trial trial) {
        String safe = property.replaceAll("[^A-Za-z0-9_-]", "_");
        return safe + "-" + HexFormat.of().toHexDigits(trial.toString().hashCode());
    }

    /**
     * The file's JSON text.
     *
     * @throws IllegalArgumentException if a fault cannot be written in the scenario format (a method
     *                                  fault, a slow handling narrowed to some messages)
     */
    public String toJson() {
        Map<String, JsonValue> out = new LinkedHashMap<>();
        out.put("format", JsonValue.of(FORMAT));
        out.put("name", JsonValue.of(name));
        out.put("seed", JsonValue.of(trial.seed()));
        out.put("settle_ms", JsonValue.of(settle.toMillis()));
        out.put("specs", JsonValue.JsonArray.of(specs.stream().map(JsonValue::of).toList()));
        List<JsonValue> faults = new ArrayList<>();
        for (FaultPlan.Timed timed : trial.plan().faults()) {
            faults.add(JsonValue.JsonObject.of(entry(timed)));
        }
        out.put("faults", JsonValue.JsonArray.of(faults));
        if (!note.isEmpty()) {
            out.put("note", JsonValue.of(note));
        }
        return JsonWriter.write(JsonValue.JsonObject.of(out));
    }

    /** The fault as a scenario file spells it (the scenario package's one writer), or why the format cannot say it. */
    private static Map<String, JsonValue> entry(FaultPlan.Timed timed) {
        try {
            return FaultSpelling.write(timed);
        } catch (IllegalArgumentException unspellable) {
            throw new IllegalArgumentException("fault " + Echo.quoted(timed.fault().describe()) + " cannot be written in a"
                    + " plan file (the scenario format has no spelling for it: " + why(timed) + "); keep it in a Java test instead",
                    unspellable);
        }
    }

    private static String why(FaultPlan.Timed timed) {
        try {
            FaultSpelling.check(timed);
            return "";
        } catch (IllegalArgumentException unspellable) {
            return unspellable.getMessage();
        }
    }

    /** Writes the file as {@code <dir>/<name>.json}, creating the folder; returns its path. */
    public Path writeTo(Path dir) {
        try {
            Files.createDirectories(dir);
            return Files.writeString(dir.resolve(name + ".json"), toJson(), StandardCharsets.UTF_8);
        } catch (IOException failed) {
            throw new UncheckedIOException("could not write plan file " + name + ".json to " + dir + ": " + failed.getMessage(), failed);
        }
    }

    /**
     * Reads a plan file.
     *
     * @throws IllegalArgumentException naming the file, the location ({@code faults[2].kind}) and what is wrong
     */
    public static PlanFile read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException failed) {
            throw new UncheckedIOException("could not read plan file " + file + ": " + failed.getMessage(), failed);
        } catch (RuntimeException bad) {
            throw new IllegalArgumentException(file + ": " + bad.getMessage(), bad);
        }
    }

    /**
     * Parses a plan file's text; errors carry their location. Its faults are read as a scenario file's
     * are, by the scenario reader's own fault parser: the same fields, bounds and messages. A complete
     * scenario file ({@code cascade-scenario/1}, as {@code Cascade.check} writes for a scenario's tree)
     * reads as its faults, settle time and specs, with seed 0.
     *
     * @throws ScenarioFormatException naming the location ({@code faults[2].delay_ms}) and what is wrong
     */
    public static PlanFile parse(String json) {
        JsonValue document = JsonParser.parse(json);
        if (document instanceof JsonValue.JsonObject object
                && JsonValue.of(ScenarioReader.FORMAT).equals(object.members().get("format"))) {
            Scenario scenario = ScenarioReader.read(json);
            List<String> specs = ScenarioSpecs.read(json, scenario).stream().map(CascadeSpec::name).toList();
            return new PlanFile(scenario.name(), new Trial(scenario.plan(), 0), scenario.settle(), specs, "");
        }
        Fields top = Fields.of(document, JsonPath.TOP);
        for (String field : top.names()) {
            if (!FIELDS.contains(field)) {
                throw Fields.fail(top.at(field), "unknown field (a plan file has " + String.join(", ", FIELDS.stream().sorted().toList()) + ")");
            }
        }
        if (!FORMAT.equals(top.string("format"))) {
            throw Fields.fail(top.at("format"), "expected \"" + FORMAT + "\" but was " + Echo.quoted(top.string("format")));
        }
        String name = top.string("name");
        long seed = top.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE);
        Duration settle = Duration.ofMillis(top.integer("settle_ms", 0, Limits.LONGEST_MS));
        List<String> specs = new ArrayList<>();
        List<JsonValue> specValues = top.array("specs").elements();
        for (int i = 0; i < specValues.size(); i++) {
            if (!(specValues.get(i) instanceof JsonValue.JsonString text)) {
                throw Fields.fail(top.at("specs").index(i), "expected a spec like \"rootSurvives()\" but was "
                        + specValues.get(i).describe());
            }
            specs.add(text.value());
        }
        FaultPlan.Builder plan = FaultPlan.builder();
        FaultParser.faults(top).forEach(timed -> plan.at(timed.at(), timed.fault()));
        return new PlanFile(name, new Trial(plan.build(), seed), settle, specs, top.has("note") ? top.string("note") : "");
    }
}
