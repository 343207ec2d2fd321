package dev.cascade.spec;

import dev.cascade.chaos.Fault;
import dev.cascade.chaos.MessageMatch;
import dev.cascade.internal.json.JsonValue;
import dev.cascade.runtime.ExitReason;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** One fault as a plan file's {@code faults} entry, in the scenario format's spelling ({@code docs/scenario-format.md}). */
final class FaultJson {
    private FaultJson() {}

    /** The entry, or empty for a fault the format cannot say (a method fault, a narrowed slow handling). */
    static Optional<Map<String, JsonValue>> write(Duration at, Fault fault) {
        Map<String, JsonValue> out = new LinkedHashMap<>();
        out.put("at_ms", JsonValue.of(at.toMillis()));
        out.put("target", JsonValue.of(fault.target()));
        switch (fault) {
            case Fault.Raise r -> kind(out, "raise").put("reason", JsonValue.of(r.reason()));
            case Fault.Stop s -> kind(out, "stop").put("reason", JsonValue.of(s.reason().describe()));
            case Fault.ExitSignal e -> kind(out, "exit_signal").put("reason", JsonValue.of(e.reason().describe()));
            case Fault.Kill k -> kind(out, "kill");
            case Fault.SlowHandling s -> {
                if (!s.matching().equals(MessageMatch.ALL)) {
                    return Optional.empty();
                }
                kind(out, "slow_handling").put("delay_ms", JsonValue.of(s.delay().toMillis()));
                if (s.messages() > 0) {
                    out.put("messages", JsonValue.of(s.messages()));
                }
                if (s.window() != null) {
                    out.put("duration_ms", JsonValue.of(s.window().toMillis()));
                }
            }
            case Fault.SlowStart s -> {
                kind(out, "slow_start").put("delay_ms", JsonValue.of(s.delay().toMillis()));
                out.put("attempts", attempts(s.attempts()));
            }
            case Fault.FailingStart f -> kind(out, "failing_start").put("attempts", attempts(f.attempts()));
            case Fault.Flood f -> {
                kind(out, "flood").put("count", JsonValue.of(f.count()));
                if (!f.interval().isZero()) {
                    out.put("interval_ms", JsonValue.of(f.interval().toMillis()));
                }
            }
            case Fault.LinkFault l -> {
                kind(out, l.effect().name().toLowerCase(java.util.Locale.ROOT)).put("from", JsonValue.of(l.from()));
                out.put("window_ms", JsonValue.of(l.window().toMillis()));
                if (l.effect() == Fault.LinkEffect.DELAY) {
                    out.put("delay_ms", JsonValue.of(l.delay().toMillis()));
                }
            }
            case Fault.IntensityBreach b -> kind(out, "breach_intensity");
            case Fault.SlowerThanCallTimeout s -> {
                if (s.calls() != 1) {
                    return Optional.empty();
                }
                kind(out, "call_timeout");
                if (s.caller() != null) {
                    out.put("caller", JsonValue.of(s.caller()));
                }
            }
            case Fault.InMethod m -> {
                return Optional.empty();
            }
        }
        return Optional.of(out);
    }

    private static Map<String, JsonValue> kind(Map<String, JsonValue> out, String kind) {
        out.put("kind", JsonValue.of(kind));
        return out;
    }

    private static JsonValue attempts(Set<Integer> attempts) {
        return JsonValue.JsonArray.of(new TreeSet<>(attempts).stream().map(a -> JsonValue.of((long) a)).toList());
    }

    /** The fault an entry describes; {@code fields} reads (and locates errors in) its members. */
    static Fault read(PlanFields fields) {
        String target = fields.string("target");
        String kind = fields.string("kind");
        return switch (kind) {
            case "raise" -> Fault.raise(target, fields.string("reason"));
            case "stop" -> Fault.stop(target, ExitReason.ofWord(fields.string("reason")));
            case "exit_signal" -> Fault.exitSignal(target, ExitReason.ofWord(fields.string("reason")));
            case "kill" -> Fault.kill(target);
            case "slow_handling" -> {
                Fault.SlowHandling slow = Fault.slowHandling(target, fields.millis("delay_ms"));
                if (fields.has("messages")) {
                    slow = slow.forMessages((int) fields.number("messages"));
                }
                yield fields.has("duration_ms") ? slow.forDuration(fields.millis("duration_ms")) : slow;
            }
            case "slow_start" -> Fault.slowStart(target, fields.millis("delay_ms"), fields.attempts());
            case "failing_start" -> Fault.failingStart(target, fields.attempts());
            case "flood" -> {
                Fault.Flood flood = Fault.flood(target, (int) fields.number("count"), Integer::valueOf);
                yield fields.has("interval_ms") ? flood.atRate(fields.millis("interval_ms")) : flood;
            }
            case "drop" -> Fault.drop(fields.string("from"), target, fields.millis("window_ms"));
            case "delay" -> Fault.delay(fields.string("from"), target, fields.millis("delay_ms"), fields.millis("window_ms"));
            case "duplicate" -> Fault.duplicate(fields.string("from"), target, fields.millis("window_ms"));
            case "reorder" -> Fault.reorder(fields.string("from"), target, fields.millis("window_ms"));
            case "breach_intensity" -> Fault.breachIntensity(target);
            case "call_timeout" -> Fault.slowerThanCallTimeout(target, fields.has("caller") ? fields.string("caller") : null);
            default -> throw fields.bad("kind", "expected one of raise, stop, exit_signal, kill, slow_handling, slow_start,"
                    + " failing_start, flood, drop, delay, duplicate, reorder, breach_intensity, call_timeout but was \"" + kind + "\"");
        };
    }
}
