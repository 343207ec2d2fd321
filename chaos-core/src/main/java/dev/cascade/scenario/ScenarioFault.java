package dev.cascade.scenario;

import java.time.Duration;
import java.util.Arrays;
import java.util.TreeSet;

/**
 * One fault of a scenario's plan: at {@code at} after the tree finished starting, {@code kind}
 * happens to the process holding {@code target} (none alive, for a kind that
 * {@linkplain FaultKind#actsAtOnce() acts at once}: a {@code fault_skipped} event).
 *
 * <pre>{@code
 * ScenarioFault crash = ScenarioFault.raise(Duration.ofMillis(100), "root/app/cache", "boom");
 * ScenarioFault slow = ScenarioFault.slowHandling(Duration.ofMillis(200), "root/db", Duration.ofMillis(50)).forMessages(10);
 * ScenarioFault lossy = ScenarioFault.drop(Duration.ofMillis(300), "root/api", "root/db", Duration.ofMillis(100));
 * }</pre>
 *
 * @param at      time after fault time zero, whole milliseconds >= 0
 * @param target  the path of the node, e.g. {@code root/app/cache}; for link faults the receiving path
 * @param kind    what happens
 * @param reason  for {@code raise}, {@code stop} and {@code exit_signal}: {@code [a-z0-9_]+} or
 *                {@code shutdown:[a-z0-9_]+}; for the other kinds {@code ""}
 * @param options the kind's own values; exactly the {@linkplain FaultKind#required() required} ones
 *                and any of the {@linkplain FaultKind#optional() optional} ones are given
 */
public record ScenarioFault(Duration at, String target, FaultKind kind, String reason, FaultOptions options) {

    /** Validates every component; see the parameters for the rules. */
    public ScenarioFault {
        Checks.millis("fault time", at, 0);
        Checks.matching("fault target", target, Checks.PATH);
        Checks.notNull("fault kind", kind);
        Checks.notNull("fault reason", reason);
        Checks.notNull("fault options", options);
        String name = Checks.spelling(kind);
        if (kind.takes("reason")) {
            Checks.matching("fault reason", reason, Checks.REASON);
        } else if (!reason.isEmpty()) {
            throw new IllegalArgumentException("a " + name + " fault takes no reason but was given: \"" + reason + "\"");
        }
        for (String field : FaultKind.ALL_FIELDS.subList(FaultKind.ALL_FIELDS.indexOf("from"), FaultKind.ALL_FIELDS.size())) {
            if (options.has(field) && !kind.takes(field)) {
                throw new IllegalArgumentException("a " + name + " fault takes no " + field + " (it takes "
                        + String.join(", ", kind.required()) + (kind.required().isEmpty() ? "nothing more" : "")
                        + (kind.optional().isEmpty() ? "" : ", optionally " + String.join(", ", kind.optional())) + ")");
            }
            if (!options.has(field) && kind.required().contains(field)) {
                throw new IllegalArgumentException("a " + name + " fault needs " + field + " but it was not given");
            }
        }
        if (kind.isLinkFault() && options.from().equals(target)) {
            throw new IllegalArgumentException("a " + name + " fault needs two different paths but from and target are both "
                    + target);
        }
    }

    /** A fault with a reason and no other values: {@code raise}, {@code stop} or {@code exit_signal}. */
    public ScenarioFault(Duration at, String target, FaultKind kind, String reason) {
        this(at, target, kind, reason, FaultOptions.NONE);
    }

    /** The worker at {@code target} throws; it ends with {@code error:<reason>}, e.g. {@code raise(at, "root/db", "boom")}. */
    public static ScenarioFault raise(Duration at, String target, String reason) {
        return new ScenarioFault(at, target, FaultKind.RAISE, reason);
    }

    /** The worker at {@code target} stops itself with {@code reason}, e.g. {@code stop(at, "root/db", "normal")}. */
    public static ScenarioFault stop(Duration at, String target, String reason) {
        return new ScenarioFault(at, target, FaultKind.STOP, reason);
    }

    /** An exit signal from outside the tree reaches {@code target}, e.g. {@code exitSignal(at, "root/db", "kill")}. */
    public static ScenarioFault exitSignal(Duration at, String target, String reason) {
        return new ScenarioFault(at, target, FaultKind.EXIT_SIGNAL, reason);
    }

    /** {@code kill} from outside the tree: the process at {@code target} ends {@code killed}. */
    public static ScenarioFault kill(Duration at, String target) {
        return of(at, target, FaultKind.KILL, FaultOptions.NONE);
    }

    /** Every message the process at {@code target} handles takes {@code delay} longer, for ever; narrow with {@link #forMessages}, {@link #forDuration}. */
    public static ScenarioFault slowHandling(Duration at, String target, Duration delay) {
        return of(at, target, FaultKind.SLOW_HANDLING, FaultOptions.NONE.withDelay(delay));
    }

    /** The given start attempts (1 = the first start) of {@code target} take {@code delay} before {@code init}. */
    public static ScenarioFault slowStart(Duration at, String target, Duration delay, int... attempts) {
        return of(at, target, FaultKind.SLOW_START, FaultOptions.NONE.withDelay(delay).withAttempts(attempts(attempts)));
    }

    /** The given start attempts of {@code target} fail with {@code init_failed} before {@code init} runs. */
    public static ScenarioFault failingStart(Duration at, String target, int... attempts) {
        return of(at, target, FaultKind.FAILING_START, FaultOptions.NONE.withAttempts(attempts(attempts)));
    }

    /** {@code count} messages to {@code target} from outside the tree, all at once; spread them with {@link #every}. */
    public static ScenarioFault flood(Duration at, String target, int count) {
        return of(at, target, FaultKind.FLOOD, FaultOptions.NONE.withCount(count));
    }

    /** Messages from {@code from} to {@code to} are dropped for {@code window}. */
    public static ScenarioFault drop(Duration at, String from, String to, Duration window) {
        return link(at, from, to, FaultKind.DROP, window);
    }

    /** Messages from {@code from} to {@code to} arrive {@code delay} late, for {@code window}. */
    public static ScenarioFault delay(Duration at, String from, String to, Duration delay, Duration window) {
        return of(at, to, FaultKind.DELAY, FaultOptions.NONE.withFrom(from).withWindow(window).withDelay(delay));
    }

    /** Messages from {@code from} to {@code to} arrive twice, for {@code window}. */
    public static ScenarioFault duplicate(Duration at, String from, String to, Duration window) {
        return link(at, from, to, FaultKind.DUPLICATE, window);
    }

    /** Messages from {@code from} to {@code to} are held for {@code window}, then arrive in reverse order. */
    public static ScenarioFault reorder(Duration at, String from, String to, Duration window) {
        return link(at, from, to, FaultKind.REORDER, window);
    }

    /** Intensity + 1 kills of {@code target} inside its supervisor's period: the supervisor gives up. */
    public static ScenarioFault breachIntensity(Duration at, String target) {
        return of(at, target, FaultKind.BREACH_INTENSITY, FaultOptions.NONE);
    }

    /** The next call to the worker at {@code target}, from any caller, is handled just after the caller's timeout. */
    public static ScenarioFault callTimeout(Duration at, String target) {
        return of(at, target, FaultKind.CALL_TIMEOUT, FaultOptions.NONE);
    }

    /** The next call to the worker at {@code target} from the worker at {@code caller} outlasts its timeout. */
    public static ScenarioFault callTimeout(Duration at, String target, String caller) {
        return of(at, target, FaultKind.CALL_TIMEOUT, FaultOptions.NONE.withCaller(caller));
    }

    /** This slow handling, only for the next {@code count} messages (>= 1). */
    public ScenarioFault forMessages(int count) {
        Checks.atLeast("messages of a slow_handling fault", count, 1);
        return with(FaultKind.SLOW_HANDLING, "forMessages", options.withMessages(count));
    }

    /** This slow handling, only for {@code duration} after it fires. */
    public ScenarioFault forDuration(Duration duration) {
        Checks.millis("duration of a slow_handling fault", duration, 1);
        return with(FaultKind.SLOW_HANDLING, "forDuration", options.withDuration(duration));
    }

    /** This flood, one message every {@code interval} instead of all at once. */
    public ScenarioFault every(Duration interval) {
        return with(FaultKind.FLOOD, "every", options.withInterval(interval));
    }

    private ScenarioFault with(FaultKind needed, String method, FaultOptions changed) {
        if (kind != needed) {
            throw new IllegalArgumentException(method + " applies to a " + Checks.spelling(needed) + " fault but this is a "
                    + Checks.spelling(kind) + " fault");
        }
        return new ScenarioFault(at, target, kind, reason, changed);
    }

    private static ScenarioFault of(Duration at, String target, FaultKind kind, FaultOptions options) {
        return new ScenarioFault(at, target, kind, "", options);
    }

    private static ScenarioFault link(Duration at, String from, String to, FaultKind kind, Duration window) {
        return of(at, to, kind, FaultOptions.NONE.withFrom(from).withWindow(window));
    }

    private static TreeSet<Integer> attempts(int... attempts) {
        TreeSet<Integer> set = new TreeSet<>();
        Arrays.stream(attempts).forEach(set::add);
        return set;
    }
}
