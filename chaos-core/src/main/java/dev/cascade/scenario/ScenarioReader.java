package dev.cascade.scenario;

import dev.cascade.scenario.internal.Checks;
import dev.cascade.scenario.internal.FaultParser;
import dev.cascade.scenario.internal.Fields;
import dev.cascade.scenario.internal.NodeParser;
import dev.cascade.scenario.internal.PlanBinding;
import dev.cascade.scenario.internal.PlanChecks;
import dev.cascade.scenario.internal.TreePaths;
import dev.cascade.chaos.FaultPlan;
import dev.cascade.scenario.internal.PlanBinding;
import dev.cascade.internal.json.JsonParser;
import dev.cascade.internal.json.JsonPath;
import dev.cascade.internal.json.JsonValue;
import dev.cascade.spec.ScenarioSpecs;
import dev.cascade.spec.internal.SpecsParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code cascade-scenario/1} files (see {@code docs/scenario-format.md}) into {@link Scenario}s.
 *
 * <pre>{@code
 * Scenario scenario = ScenarioReader.read(Path.of("scenarios/cache-crash.json"));
 * }</pre>
 *
 * <p>The whole file is checked before anything is built: unknown fields, duplicate keys, fields
 * that do not apply to a node's kind, wrong types, out-of-range numbers and missing fields are all
 * rejected with a {@link ScenarioFormatException} naming the location, e.g.
 * {@code tree.children[1].restart: expected one of permanent, transient, temporary but was "always"}.
 * So are faults that cannot bind to the tree (a start fault on the root, an intensity breach of a
 * temporary child, ...), at the fault's location: nothing runs with a plan that cannot apply.
 */
public final class ScenarioReader {

    /** The value of the {@code format} field this reader accepts. */
    public static final String FORMAT = "cascade-scenario/1";

    private static final Set<String> FIELDS = Set.of("format", "name", "tree", "faults", "settle_ms", "specs");

    private ScenarioReader() {}

    /**
     * Reads a scenario file (UTF-8).
     *
     * @throws ScenarioFormatException if the file is not a valid scenario
     * @throws UncheckedIOException    if the file cannot be read
     */
    public static Scenario read(Path file) {
        try {
            return read(JsonParser.parse(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scenario file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the bytes of a scenario file (UTF-8), as a caller that read the file itself has them (the
     * command line, which checks and caps what it reads).
     *
     * @throws ScenarioFormatException if the bytes are not a valid scenario
     */
    public static Scenario read(byte[] utf8) {
        return read(JsonParser.parse(utf8));
    }

    /**
     * Reads the text of a scenario file.
     *
     * @throws ScenarioFormatException if the text is not a valid scenario
     */
    public static Scenario read(String json) {
        return read(JsonParser.parse(json));
    }

    private static Scenario read(JsonValue document) {
        Fields file = Fields.of(document, JsonPath.TOP);
        JsonValue format = file.required("format");
        if (!format.equals(JsonValue.of(FORMAT))) {
            throw Fields.fail(file.at("format"), "expected \"" + FORMAT + "\" but was " + format.describe());
        }
        file.allowOnly(FIELDS, Map.of());
        String name = file.string("name");
        if (!Checks.NAME.matcher(name).matches()) {
            throw Fields.fail(file.at("name"), "expected a name matching " + Checks.NAME + " but was "
                    + JsonValue.of(name).describe());
        }
        SupervisorNode tree = NodeParser.root(file.required("tree"), file.at("tree"));
        Map<String, ScenarioNode> nodes = TreePaths.index(tree);
        checkSends(tree, tree.id(), file.at("tree"), nodes);
        List<FaultPlan.Timed> faults = FaultParser.faults(file);
        PlanBinding.check(tree, faults).ifPresent(unbound -> {
            throw Fields.fail(file.at("faults").index(unbound.index()).field(unbound.refusal().field()), unbound.refusal().problem());
        });
        Duration settle = Duration.ofMillis(file.integer("settle_ms", 0, dev.cascade.internal.Limits.LONGEST_MS));
        String tooLong = RunLength.problem(tree, faults, settle);
        if (tooLong != null) {
            throw Fields.fail(file.at("settle_ms"), tooLong);
        }
        Scenario scenario = NodeParser.build(JsonPath.TOP, () -> new Scenario(name, tree, faults, settle));
        if (document instanceof JsonValue.JsonObject object && object.members().containsKey("specs")) {
            try { // a specs section is checked here (located), and read for runs by ScenarioSpecs
                SpecsParser.read(object.members().get("specs"), ScenarioSpecs.outline(scenario));
            } catch (SpecsParser.Bad bad) {
                throw Fields.fail(bad.index() < 0 ? file.at("specs") : file.at("specs").index(bad.index()), bad.getMessage());
            }
        }
        return scenario;
    }

    /** Each worker's sends go to another worker; the location is the worker's in the file. */
    private static void checkSends(ScenarioNode node, String path, JsonPath at, Map<String, ScenarioNode> nodes) {
        switch (node) {
            case SupervisorNode supervisor -> {
                for (int i = 0; i < supervisor.children().size(); i++) {
                    ScenarioNode child = supervisor.children().get(i);
                    checkSends(child, path + "/" + child.id(), at.field("children").index(i), nodes);
                }
            }
            case DynamicSupervisorNode dynamic -> {
                for (int i = 0; i < dynamic.templates().size(); i++) {
                    WorkerNode template = dynamic.templates().get(i);
                    checkSends(template, path + "/" + template.id(), at.field("templates").index(i), nodes);
                }
            }
            case WorkerNode worker -> {
                for (int i = 0; i < worker.sends().size(); i++) {
                    PlanChecks.Problem problem = PlanChecks.traffic(path, worker.sends().get(i), nodes);
                    if (problem != null) {
                        throw Fields.fail(at.field("sends").index(i).field(problem.field()), problem.message());
                    }
                }
            }
        }
    }
}
