package dev.cascade.scenario;

import dev.cascade.scenario.internal.JsonPath;
import dev.cascade.scenario.internal.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the {@code faults} of a scenario file, checking each target against the tree's paths. */
final class FaultParser {

    private static final Set<String> FIELDS = Set.of("at_ms", "target", "kind", "reason");

    private FaultParser() {}

    static List<ScenarioFault> faults(Fields file, Map<String, ScenarioNode> nodes) {
        List<JsonValue> elements = file.array("faults").elements();
        List<ScenarioFault> faults = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            faults.add(fault(Fields.of(elements.get(i), file.at("faults").index(i)), nodes));
        }
        return faults;
    }

    private static ScenarioFault fault(Fields fields, Map<String, ScenarioNode> nodes) {
        fields.allowOnly(FIELDS, Map.of());
        Duration at = Duration.ofMillis(fields.integer("at_ms", 0, Long.MAX_VALUE));
        String target = fields.string("target");
        ScenarioNode node = nodes.get(target);
        if (node == null) {
            throw Fields.fail(fields.at("target"), "no node at path " + JsonValue.of(target).describe()
                    + " (paths: " + TreePaths.list(nodes.keySet(), 20) + ")");
        }
        FaultKind kind = Fields.choice(fields.required("kind"), fields.at("kind"), FaultKind.class);
        if (kind.needsWorker() && node instanceof SupervisorNode) {
            throw Fields.fail(fields.at("kind"), Checks.spelling(kind) + " needs a worker but " + target
                    + " is a supervisor; only exit_signal applies to supervisors");
        }
        String reason = fields.string("reason");
        if (!Checks.REASON.matcher(reason).matches()) {
            throw Fields.fail(fields.at("reason"), "expected a word matching [a-z0-9_]+ or shutdown:[a-z0-9_]+"
                    + " but was " + JsonValue.of(reason).describe());
        }
        return NodeParser.build(fields.at(), () -> new ScenarioFault(at, target, kind, reason));
    }
}
