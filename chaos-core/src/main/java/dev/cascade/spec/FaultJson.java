package dev.cascade.spec;

import dev.cascade.chaos.Fault;
import dev.cascade.chaos.FaultPlan;
import dev.cascade.chaos.FloodMessage;
import dev.cascade.chaos.MessageMatch;
import dev.cascade.internal.json.JsonValue;
import dev.cascade.runtime.ExitReason;
import dev.cascade.scenario.internal.FaultSpelling;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** One fault as a plan file's {@code faults} entry, in the scenario format's spelling ({@code docs/scenario-format.md}). */
final class FaultJson {
    private FaultJson() {}

    /**
     * The entry, as a scenario file spells it (the scenario package's one writer), or empty for a
     * fault the format cannot say (a method fault, a slow handling narrowed to some messages, …).
     */
    static Optional<Map<String, JsonValue>> write(Duration at, Fault fault) {
        try {
            return Optional.of(FaultSpelling.write(new FaultPlan.Timed(at, fault)));
        } catch (IllegalArgumentException unspellable) {
            return Optional.empty();
        }
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
                Fault.SlowHandling slow = new Fault.SlowHandling(target, fields.millis("delay_ms"), MessageMatch.EVERY_MESSAGE, null, 0);
                if (fields.has("messages")) {
                    slow = slow.forMessages((int) fields.number("messages"));
                }
                yield fields.has("duration_ms") ? slow.forDuration(fields.millis("duration_ms")) : slow;
            }
            case "slow_start" -> Fault.slowStart(target, fields.millis("delay_ms"), fields.attempts());
            case "failing_start" -> Fault.failingStart(target, fields.attempts());
            case "flood" -> {
                Fault.Flood flood = Fault.flood(target, (int) fields.number("count"), FloodMessage.NUMBERED);
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
