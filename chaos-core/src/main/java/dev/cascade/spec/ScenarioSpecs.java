package dev.cascade.spec;

import dev.cascade.internal.json.JsonParser;
import dev.cascade.internal.json.JsonValue;
import dev.cascade.scenario.Scenario;
import dev.cascade.scenario.ScenarioFormatException;
import dev.cascade.scenario.ScenarioWriter;
import dev.cascade.internal.json.JsonWriter;
import dev.cascade.scenario.internal.DynamicStarts;
import dev.cascade.scenario.internal.TreeRun;
import dev.cascade.scenario.internal.TreeSpecs;
import dev.cascade.simulation.SimulatedScheduler;
import dev.cascade.spec.internal.SpecsParser;
import dev.cascade.supervisor.SupervisorSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The specs of a scenario file (its optional {@code specs} section, {@code docs/scenario-format.md})
 * and their verdicts on a simulated run of the scenario.
 *
 * <pre>{@code
 * Scenario scenario = ScenarioReader.read(file);
 * List<CascadeSpec> specs = ScenarioSpecs.read(file, scenario);
 * for (Verdict verdict : ScenarioSpecs.check(scenario, specs, 0)) {
 *     System.out.println(verdict.text());
 * }
 * }</pre>
 */
public final class ScenarioSpecs {
    private ScenarioSpecs() {}

    /**
     * The specs of the scenario file {@code file} (empty when it has no {@code specs} section).
     *
     * @throws ScenarioFormatException located at {@code specs[i]} for a bad spec or a path the tree lacks
     */
    public static List<CascadeSpec> read(Path file, Scenario scenario) {
        try {
            return read(Files.readString(file, StandardCharsets.UTF_8), scenario);
        } catch (IOException failed) {
            throw new UncheckedIOException("could not read " + file + ": " + failed.getMessage(), failed);
        }
    }

    /** The specs of a scenario file's text; see {@link #read(Path, Scenario)}. */
    public static List<CascadeSpec> read(String json, Scenario scenario) {
        JsonValue document = JsonParser.parse(json);
        if (!(document instanceof JsonValue.JsonObject object) || !object.members().containsKey("specs")) {
            return List.of();
        }
        try {
            return SpecsParser.read(object.members().get("specs"), outline(scenario));
        } catch (SpecsParser.Bad bad) {
            throw new ScenarioFormatException(bad.index() < 0 ? "specs" : "specs[" + bad.index() + "]", bad.getMessage());
        }
    }

    /** The runtime's spec of a scenario's tree (its root's id is {@code scenario.tree().id()}). */
    public static SupervisorSpec supervisorSpec(Scenario scenario) {
        return TreeSpecs.supervisor(scenario.tree());
    }

    /**
     * A complete scenario file replaying {@code trial} on {@code base}'s tree: its faults, settle
     * time and {@code specs}, named {@code name} ({@code [a-z0-9_-]+}). The format has no seed:
     * {@code cascade run} replays it from seed 0, so only a trial of seed 0 replays exactly.
     *
     * @throws IllegalArgumentException if a fault has no scenario-file spelling
     */
    public static String scenarioFile(Scenario base, String name, Trial trial, Duration settle, List<String> specs) {
        Scenario replay = new Scenario(name, base.tree(), trial.plan().faults(), settle);
        JsonValue.JsonObject written = (JsonValue.JsonObject) JsonParser.parse(ScenarioWriter.write(replay));
        java.util.LinkedHashMap<String, JsonValue> members = new java.util.LinkedHashMap<>(written.members());
        members.put("specs", JsonValue.JsonArray.of(specs.stream().map(JsonValue::of).toList()));
        return JsonWriter.write(JsonValue.JsonObject.of(members));
    }

    /** The outline of a scenario's tree, rooted at its root's id. */
    public static TreeOutline outline(Scenario scenario) {
        TreeOutline outline = TreeOutline.of(scenario.tree().id(), TreeSpecs.supervisor(scenario.tree()));
        for (DynamicStarts.Planned start : DynamicStarts.of(scenario.tree())) { // dynamic children, by key
            outline = outline.withDynamicWorker(start.path(), start.template().restart());
        }
        return outline;
    }

    /**
     * Runs {@code scenario} as {@code cascade run} does (the tree of {@code ScenarioRunner.record}, without its outcome) on a fresh
     * simulated scheduler with {@code seed} and returns each spec's verdict on that run, in order.
     */
    public static List<Verdict> check(Scenario scenario, List<CascadeSpec> specs, long seed) {
        Objects.requireNonNull(scenario, "scenario");
        if (specs.isEmpty()) {
            return List.of();
        }
        SupervisorSpec tree = TreeSpecs.supervisor(scenario.tree());
        TreeRun ran = TreeRun.of(scenario, tree, SimulatedScheduler.withSeed(seed)); // no outcome: the specs read the trace and the ledger
        CascadeRun run = CascadeRun.of(scenario, ran.trace(), ran.ledger(), outline(scenario), OptionalLong.of(seed)); // dynamic children by key too
        return specs.stream().map(spec -> spec.check(run)).toList();
    }
}
