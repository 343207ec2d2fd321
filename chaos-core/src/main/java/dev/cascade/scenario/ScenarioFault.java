package dev.cascade.scenario;

import java.time.Duration;

/**
 * One fault of a scenario's plan: at {@code at} after the tree finished starting, {@code kind}
 * happens to the process holding {@code target} (none alive: a {@code fault_skipped} event).
 *
 * <pre>{@code
 * ScenarioFault crash = ScenarioFault.raise(Duration.ofMillis(100), "root/app/cache", "boom");
 * }</pre>
 *
 * @param at     time after fault time zero, whole milliseconds >= 0
 * @param target the path of the node, e.g. {@code root/app/cache}
 * @param kind   what happens
 * @param reason {@code [a-z0-9_]+} or {@code shutdown:[a-z0-9_]+}
 */
public record ScenarioFault(Duration at, String target, FaultKind kind, String reason) {

    /** Validates every component; see the parameters for the rules. */
    public ScenarioFault {
        Checks.millis("fault time", at, 0);
        Checks.matching("fault target", target, Checks.PATH);
        Checks.notNull("fault kind", kind);
        Checks.matching("fault reason", reason, Checks.REASON);
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
}
