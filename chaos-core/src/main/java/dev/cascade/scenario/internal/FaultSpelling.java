package dev.cascade.scenario.internal;

import dev.cascade.internal.Echo;
import dev.cascade.chaos.Fault;
import dev.cascade.chaos.FloodMessage;
import dev.cascade.chaos.MessageMatch;
import dev.cascade.runtime.ExitReason;

import dev.cascade.chaos.FaultPlan;
import dev.cascade.internal.json.JsonValue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The spelling table of {@link Fault} in scenario files: each file {@code kind} names one kind of
 * fault, with the fields it takes besides {@code at_ms}, {@code target} and {@code kind}. A fault
 * whose values a file cannot say (a predicate, a generator, a reason that is no word, a time finer
 * than a millisecond) has no spelling: {@link #of} says which value and why. Not API.
 */
public enum FaultSpelling {
    RAISE(List.of("reason"), List.of()),
    STOP(List.of("reason"), List.of()),
    EXIT_SIGNAL(List.of("reason"), List.of()),
    KILL(List.of(), List.of()),
    SLOW_HANDLING(List.of("delay_ms"), List.of("messages", "duration_ms")),
    SLOW_START(List.of("delay_ms", "attempts"), List.of()),
    FAILING_START(List.of("attempts"), List.of()),
    FLOOD(List.of("count"), List.of("interval_ms")),
    DROP(List.of("from", "window_ms"), List.of()),
    DELAY(List.of("from", "window_ms", "delay_ms"), List.of()),
    DUPLICATE(List.of("from", "window_ms"), List.of()),
    REORDER(List.of("from", "window_ms"), List.of()),
    BREACH_INTENSITY(List.of(), List.of()),
    CALL_TIMEOUT(List.of(), List.of("caller"));

    /** Every field a fault can have, in the order files are written. */
    public static final List<String> ALL_FIELDS = List.of("at_ms", "target", "kind", "reason", "from", "delay_ms", "messages",
            "duration_ms", "attempts", "count", "interval_ms", "window_ms", "caller");

    /** The words a file's reasons are: {@code boom}, {@code shutdown:bye}. */
    public static final Pattern REASON = Pattern.compile("(shutdown:)?[a-z0-9_]+");

    /** The reason a file's {@code failing_start} fails starts with. */
    public static final ExitReason INIT_FAILED = ExitReason.custom("init_failed");

    private static final Pattern PATH = Pattern.compile("[a-z0-9_]+(/[a-z0-9_]+)*");

    private final List<String> required;
    private final List<String> optional;

    FaultSpelling(List<String> required, List<String> optional) {
        this.required = required;
        this.optional = optional;
    }

    /** The file's name of this kind: {@code exit_signal}. */
    public String spelling() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind a file names {@code spelling}, if any. */
    public static Optional<FaultSpelling> named(String spelling) {
        for (FaultSpelling kind : values()) {
            if (kind.spelling().equals(spelling)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** Every kind's spelling, in table order: {@code raise, stop, exit_signal, ...}. */
    public static String spellings() {
        return String.join(", ", java.util.Arrays.stream(values()).map(FaultSpelling::spelling).toList());
    }

    /** The fields this kind needs besides {@code at_ms}, {@code target} and {@code kind}. */
    public List<String> required() {
        return required;
    }

    /** The fields this kind may have. */
    public List<String> optional() {
        return optional;
    }

    /** Whether a fault of this kind has the file field {@code name} (required, optional, or a common one). */
    public boolean takes(String name) {
        return Set.of("at_ms", "target", "kind").contains(name) || required.contains(name) || optional.contains(name);
    }

    /**
     * The kind {@code fault} is spelled as.
     *
     * @throws IllegalArgumentException naming the fault and the value a file cannot say, if it has no spelling
     */
    public static FaultSpelling of(Fault fault) {
        FaultSpelling kind = switch (fault) {
            case Fault.Raise raise -> word(fault, raise.reason(), RAISE);
            case Fault.Stop stop -> word(fault, stop.reason(), STOP);
            case Fault.ExitSignal signal -> word(fault, signal.reason(), EXIT_SIGNAL);
            case Fault.Kill kill -> KILL;
            case Fault.SlowHandling slow -> {
                if (!slow.matching().equals(MessageMatch.EVERY_MESSAGE)) {
                    throw none(fault, "it slows " + slow.matching() + ", and a file's slow_handling slows every message"
                            + " (MessageMatch.EVERY_MESSAGE); use matching(MessageMatch.EVERY_MESSAGE) to write it");
                }
                millis(fault, "delay", slow.delay());
                if (slow.window() != null) {
                    millis(fault, "window", slow.window());
                }
                yield SLOW_HANDLING;
            }
            case Fault.SlowStart start -> millis(fault, "delay", start.delay(), SLOW_START);
            case Fault.FailingStart start -> {
                if (!start.reason().equals(INIT_FAILED)) {
                    throw none(fault, "its starts fail with " + start.reason().describe()
                            + ", and a file's failing_start fails them with init_failed");
                }
                yield FAILING_START;
            }
            case Fault.Flood flood -> {
                if (flood.generator() != FloodMessage.NUMBERED) {
                    throw none(fault, "its messages come from a generator of its own, and a file's flood sends numbered"
                            + " messages; use FloodMessage.NUMBERED to write it");
                }
                yield millis(fault, "interval", flood.interval(), FLOOD);
            }
            case Fault.LinkFault link -> {
                millis(fault, "window", link.window());
                yield millis(fault, "delay", link.delay(), switch (link.effect()) {
                    case DROP -> DROP;
                    case DELAY -> DELAY;
                    case DUPLICATE -> DUPLICATE;
                    case REORDER -> REORDER;
                });
            }
            case Fault.IntensityBreach breach -> BREACH_INTENSITY;
            case Fault.SlowerThanCallTimeout slow -> {
                if (slow.calls() != 1) {
                    throw none(fault, "it slows " + slow.calls() + " calls, and a file's call_timeout slows the next one");
                }
                yield CALL_TIMEOUT;
            }
            case Fault.InMethod method -> throw none(fault, "it acts in user code the agent weaves, which a file cannot name");
            case Fault.OptionalFault optional -> throw none(fault, "it is marked optional (Fault#optional, an exemption from the "
                    + "JUnit extension's unfired-faults check), which a file does not say; write optional.fault()");
        };
        for (String path : kind == DROP || kind == DELAY || kind == DUPLICATE || kind == REORDER
                ? List.of(((Fault.LinkFault) fault).from(), fault.target()) : List.of(fault.target())) {
            if (!PATH.matcher(path).matches()) {
                throw none(fault, "its path " + path + " is not a file's path ([a-z0-9_]+ ids joined by /)");
            }
        }
        return kind;
    }

    /**
     * Checks that {@code timed} can be written in a file: its fault has a spelling and its time is
     * whole milliseconds.
     *
     * @throws IllegalArgumentException naming the fault and the value a file cannot say
     */
    public static void check(FaultPlan.Timed timed) {
        of(timed.fault());
        atMillis(timed.fault(), timed.at());
    }

    /** The time of a fault in a file: whole milliseconds. */
    public static long atMillis(Fault fault, Duration at) {
        millis(fault, "time", at);
        return at.toMillis();
    }

    private static FaultSpelling word(Fault fault, String reason, FaultSpelling kind) {
        if (!REASON.matcher(reason).matches()) {
            throw none(fault, "its reason " + Echo.quoted(reason) + " is not a word of a file ([a-z0-9_]+ or shutdown:[a-z0-9_]+)");
        }
        return kind;
    }

    private static FaultSpelling word(Fault fault, ExitReason reason, FaultSpelling kind) {
        String word = reason.describe();
        if (!REASON.matcher(word).matches() || !ExitReason.ofWord(word).equals(reason)) {
            throw none(fault, "its reason " + Echo.value(word) + " is not a word of a file ([a-z0-9_]+ or shutdown:[a-z0-9_]+)");
        }
        return kind;
    }

    private static FaultSpelling millis(Fault fault, String what, Duration duration, FaultSpelling kind) {
        millis(fault, what, duration);
        return kind;
    }

    private static void millis(Fault fault, String what, Duration duration) {
        if (duration.getNano() % 1_000_000 != 0) {
            throw none(fault, "its " + what + " " + duration + " is finer than the whole milliseconds a file says");
        }
    }

    /**
     * The file fields of {@code timed}, in file order, with only the fields its kind takes.
     *
     * @throws IllegalArgumentException naming the fault, if it has no spelling
     */
    public static Map<String, JsonValue> write(FaultPlan.Timed timed) {
        Fault fault = timed.fault();
        FaultSpelling kind = of(fault);
        Map<String, JsonValue> fields = new LinkedHashMap<>();
        fields.put("at_ms", JsonValue.of(atMillis(fault, timed.at())));
        fields.put("target", JsonValue.of(fault.target()));
        fields.put("kind", JsonValue.of(kind.spelling()));
        switch (fault) {
            case Fault.Raise raise -> fields.put("reason", JsonValue.of(raise.reason()));
            case Fault.Stop stop -> fields.put("reason", JsonValue.of(stop.reason().describe()));
            case Fault.ExitSignal signal -> fields.put("reason", JsonValue.of(signal.reason().describe()));
            case Fault.SlowHandling slow -> {
                fields.put("delay_ms", JsonValue.of(slow.delay().toMillis()));
                if (slow.messages() > 0) {
                    fields.put("messages", JsonValue.of(slow.messages()));
                }
                if (slow.window() != null) {
                    fields.put("duration_ms", JsonValue.of(slow.window().toMillis()));
                }
            }
            case Fault.SlowStart start -> {
                fields.put("delay_ms", JsonValue.of(start.delay().toMillis()));
                fields.put("attempts", attempts(start.attempts()));
            }
            case Fault.FailingStart start -> fields.put("attempts", attempts(start.attempts()));
            case Fault.Flood flood -> {
                fields.put("count", JsonValue.of(flood.count()));
                if (!flood.interval().isZero()) {
                    fields.put("interval_ms", JsonValue.of(flood.interval().toMillis()));
                }
            }
            case Fault.LinkFault link -> {
                fields.put("from", JsonValue.of(link.from()));
                if (link.effect() == Fault.LinkEffect.DELAY) {
                    fields.put("delay_ms", JsonValue.of(link.delay().toMillis()));
                }
                fields.put("window_ms", JsonValue.of(link.window().toMillis()));
            }
            case Fault.SlowerThanCallTimeout slow -> {
                if (slow.caller() != null) {
                    fields.put("caller", JsonValue.of(slow.caller()));
                }
            }
            case Fault.Kill kill -> { }
            case Fault.IntensityBreach breach -> { }
            case Fault.InMethod method -> { }
            case Fault.OptionalFault optional -> { } // of(fault) refused it
        }
        return fields;
    }

    private static JsonValue attempts(Set<Integer> attempts) {
        return JsonValue.JsonArray.of(attempts.stream().map(n -> JsonValue.of(n.longValue())).toList());
    }

    private static IllegalArgumentException none(Fault fault, String why) {
        return new IllegalArgumentException("fault \"" + fault.describe() + "\" has no scenario-file spelling: " + why);
    }
}
