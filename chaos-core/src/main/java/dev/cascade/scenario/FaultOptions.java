package dev.cascade.scenario;

import java.time.Duration;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The kind-specific values of a {@link ScenarioFault}, one per file field. A value that is not
 * given is zero or empty ({@link #NONE}); which ones a fault must and may have depends on its
 * {@link FaultKind} and is checked by {@link ScenarioFault}. Build faults with the factories of
 * {@link ScenarioFault} rather than with this record.
 *
 * @param delay    {@code delay_ms}: how much longer each handling or start takes, or how late a message arrives
 * @param messages {@code messages}: how many messages a slow handling slows (0: no limit)
 * @param duration {@code duration_ms}: how long a slow handling lasts (zero: for ever)
 * @param attempts {@code attempts}: the start attempts (1 = the first start) a start fault acts on
 * @param count    {@code count}: how many messages a flood sends
 * @param interval {@code interval_ms}: the time between two messages of a flood (zero: all at once)
 * @param from     {@code from}: the sending path of a link fault ("" when not given)
 * @param window   {@code window_ms}: how long a link fault lasts
 * @param caller   {@code caller}: the only caller whose call a call_timeout fault delays ("" for any caller)
 */
public record FaultOptions(Duration delay, int messages, Duration duration, SortedSet<Integer> attempts, int count,
                           Duration interval, String from, Duration window, String caller) {

    /** No values given. */
    public static final FaultOptions NONE = new FaultOptions(Duration.ZERO, 0, Duration.ZERO, new TreeSet<>(), 0,
            Duration.ZERO, "", Duration.ZERO, "");

    /** Validates the values that are given: whole milliseconds, attempts >= 1, counts >= 0, paths. */
    public FaultOptions {
        Checks.millis("fault delay", delay, 0);
        Checks.atLeast("fault messages", messages, 0);
        Checks.millis("fault duration", duration, 0);
        Checks.notNull("fault attempts", attempts);
        TreeSet<Integer> copy = new TreeSet<>();
        for (Integer attempt : attempts) {
            copy.add((int) Checks.atLeast("fault start attempt", Checks.notNull("fault start attempt", attempt), 1));
        }
        attempts = Collections.unmodifiableSortedSet(copy);
        Checks.atLeast("fault count", count, 0);
        Checks.millis("fault interval", interval, 0);
        if (!Checks.notNull("fault from", from).isEmpty()) {
            Checks.matching("fault from", from, Checks.PATH);
        }
        Checks.millis("fault window", window, 0);
        if (!Checks.notNull("fault caller", caller).isEmpty()) {
            Checks.matching("fault caller", caller, Checks.PATH);
        }
    }

    /** Whether the value of file field {@code name} (e.g. {@code delay_ms}) is given. */
    public boolean has(String name) {
        return switch (name) {
            case "delay_ms" -> !delay.isZero();
            case "messages" -> messages > 0;
            case "duration_ms" -> !duration.isZero();
            case "attempts" -> !attempts.isEmpty();
            case "count" -> count > 0;
            case "interval_ms" -> !interval.isZero();
            case "from" -> !from.isEmpty();
            case "window_ms" -> !window.isZero();
            case "caller" -> !caller.isEmpty();
            default -> throw new IllegalArgumentException("no fault option is called " + name);
        };
    }

    FaultOptions withDelay(Duration value) {
        return new FaultOptions(value, messages, duration, attempts, count, interval, from, window, caller);
    }

    FaultOptions withMessages(int value) {
        return new FaultOptions(delay, value, duration, attempts, count, interval, from, window, caller);
    }

    FaultOptions withDuration(Duration value) {
        return new FaultOptions(delay, messages, value, attempts, count, interval, from, window, caller);
    }

    FaultOptions withAttempts(SortedSet<Integer> value) {
        return new FaultOptions(delay, messages, duration, value, count, interval, from, window, caller);
    }

    FaultOptions withCount(int value) {
        return new FaultOptions(delay, messages, duration, attempts, value, interval, from, window, caller);
    }

    FaultOptions withInterval(Duration value) {
        return new FaultOptions(delay, messages, duration, attempts, count, value, from, window, caller);
    }

    FaultOptions withFrom(String value) {
        return new FaultOptions(delay, messages, duration, attempts, count, interval, value, window, caller);
    }

    FaultOptions withWindow(Duration value) {
        return new FaultOptions(delay, messages, duration, attempts, count, interval, from, value, caller);
    }

    FaultOptions withCaller(String value) {
        return new FaultOptions(delay, messages, duration, attempts, count, interval, from, window, value);
    }
}
