package dev.cascade.scenario.internal;

import dev.cascade.scenario.Scenario;

import dev.cascade.chaos.Fault;
import dev.cascade.chaos.FaultPlan;
import dev.cascade.chaos.FloodMessage;
import dev.cascade.chaos.MessageMatch;
import dev.cascade.runtime.ExitReason;
import dev.cascade.scenario.internal.FaultSpelling;
import dev.cascade.internal.json.JsonPath;
import dev.cascade.internal.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Reads the {@code faults} of a scenario file into the fault plan's own {@link Fault}s, checking
 * each field where it is; the spelling of each kind is {@link FaultSpelling}.
 */
public final class FaultParser {

    /** The most messages one flood may send: enough for any test, far from exhausting memory. */
    public static final long MAX_FLOOD = 1_000_000;

    private FaultParser() {}

    public static List<FaultPlan.Timed> faults(Fields file) {
        List<JsonValue> elements = file.array("faults").elements();
        List<FaultPlan.Timed> faults = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            faults.add(fault(Fields.of(elements.get(i), file.at("faults").index(i))));
        }
        return faults;
    }

    /**
     * One fault, straight into the fault plan's vocabulary: the kind first, so that a field the kind
     * does not take is reported as such, then each field; what ties the fault to the tree is checked
     * when the plan is bound to it ({@link Scenario}).
     */
    private static FaultPlan.Timed fault(Fields fields) {
        JsonValue kindValue = fields.required("kind");
        FaultSpelling kind = kindValue instanceof JsonValue.JsonString name ? FaultSpelling.named(name.value()).orElse(null) : null;
        if (kind == null) {
            throw Fields.fail(fields.at("kind"), "expected one of " + FaultSpelling.spellings() + " but was " + kindValue.describe());
        }
        fields.allowOnly(taken(kind), notTaken(kind));
        Duration at = Duration.ofMillis(fields.integer("at_ms", 0, dev.cascade.internal.Limits.LONGEST_MS));
        String target = path(fields, "target");
        String reason = kind.takes("reason") ? reason(fields) : "";
        for (String name : kind.required()) {
            fields.required(name);
        }
        Duration delay = millis(fields, "delay_ms", 1);
        Duration window = millis(fields, "window_ms", 1);
        String from = fields.has("from") ? path(fields, "from") : "";
        return NodeParser.build(fields.at(), () -> new FaultPlan.Timed(at, switch (kind) {
            case RAISE -> Fault.raise(target, reason);
            case STOP -> Fault.stop(target, ExitReason.ofWord(reason));
            case EXIT_SIGNAL -> Fault.exitSignal(target, ExitReason.ofWord(reason));
            case KILL -> Fault.kill(target);
            case SLOW_HANDLING -> {
                Duration duration = millis(fields, "duration_ms", 1);
                yield new Fault.SlowHandling(target, delay, MessageMatch.EVERY_MESSAGE, duration.isZero() ? null : duration,
                        (int) fields.integer("messages", 1, Integer.MAX_VALUE, 0));
            }
            case SLOW_START -> new Fault.SlowStart(target, delay, attempts(fields));
            case FAILING_START -> new Fault.FailingStart(target, FaultSpelling.INIT_FAILED, attempts(fields));
            case FLOOD -> new Fault.Flood(target, (int) fields.integer("count", 1, MAX_FLOOD), FloodMessage.NUMBERED,
                    millis(fields, "interval_ms", 0));
            case DROP -> Fault.drop(from, target, window);
            case DELAY -> Fault.delay(from, target, delay, window);
            case DUPLICATE -> Fault.duplicate(from, target, window);
            case REORDER -> Fault.reorder(from, target, window);
            case BREACH_INTENSITY -> Fault.breachIntensity(target);
            case CALL_TIMEOUT -> new Fault.SlowerThanCallTimeout(target, fields.has("caller") ? path(fields, "caller") : null, 1);
        }));
    }

    private static String reason(Fields fields) {
        String reason = fields.string("reason");
        if (!FaultSpelling.REASON.matcher(reason).matches()) {
            throw Fields.fail(fields.at("reason"), "expected a word matching [a-z0-9_]+ or shutdown:[a-z0-9_]+"
                    + " but was " + JsonValue.of(reason).describe());
        }
        return reason;
    }

    private static Duration millis(Fields fields, String name, long min) {
        return Duration.ofMillis(fields.integer(name, min, dev.cascade.internal.Limits.LONGEST_MS, 0));
    }

    private static String path(Fields fields, String name) {
        String path = fields.string(name);
        if (!Checks.PATH.matcher(path).matches()) {
            throw Fields.fail(fields.at(name), "expected a path such as root/db but was " + JsonValue.of(path).describe());
        }
        return path;
    }

    private static SortedSet<Integer> attempts(Fields fields) {
        SortedSet<Integer> attempts = new TreeSet<>();
        List<JsonValue> elements = fields.array("attempts").elements();
        if (elements.isEmpty()) {
            throw Fields.fail(fields.at("attempts"), "expected at least one start attempt (1 = the first start) but was []");
        }
        for (int i = 0; i < elements.size(); i++) {
            JsonPath at = fields.at("attempts").index(i);
            int attempt = (int) Fields.integer(elements.get(i), at, 1, Integer.MAX_VALUE);
            if (!attempts.add(attempt)) {
                throw Fields.fail(at, "start attempt " + attempt + " is listed twice");
            }
        }
        return attempts;
    }

    private static Set<String> taken(FaultSpelling kind) {
        Set<String> taken = new HashSet<>();
        FaultSpelling.ALL_FIELDS.stream().filter(kind::takes).forEach(taken::add);
        return taken;
    }

    /** Every fault field {@code kind} does not take, with the message saying what it takes instead. */
    private static Map<String, String> notTaken(FaultSpelling kind) {
        List<String> fields = new ArrayList<>(List.of("at_ms", "target", "kind"));
        fields.addAll(kind.required());
        String takes = String.join(", ", fields) + (kind.optional().isEmpty() ? ""
                : "; optionally " + String.join(", ", kind.optional()));
        Map<String, String> notTaken = new HashMap<>();
        for (String name : FaultSpelling.ALL_FIELDS) {
            if (!kind.takes(name)) {
                notTaken.put(name, "not allowed in a \"" + kind.spelling() + "\" fault (it takes " + takes + ")");
            }
        }
        return notTaken;
    }
}
