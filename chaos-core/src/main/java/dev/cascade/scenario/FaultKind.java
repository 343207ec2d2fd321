package dev.cascade.scenario;

import java.util.List;
import java.util.Set;

/**
 * What a {@link ScenarioFault} does; files spell them in lower case ({@code raise},
 * {@code exit_signal}, {@code slow_handling}, ...). Each kind takes its own fields besides
 * {@code at_ms}, {@code target} and {@code kind}: {@link #required()} and {@link #optional()}.
 */
public enum FaultKind {
    /** The worker's own handler throws; it ends with {@code error:<reason>} (workers only). */
    RAISE(List.of("reason"), List.of()),
    /** The worker's handler stops the worker with the reason (workers only). */
    STOP(List.of("reason"), List.of()),
    /** An exit signal with the reason arrives from a process outside the tree (not a parent). */
    EXIT_SIGNAL(List.of("reason"), List.of()),
    /** The untrappable {@code kill} signal from outside the tree: the target ends {@code killed}. */
    KILL(List.of(), List.of()),
    /** Each message the target handles takes {@code delay_ms} longer, for {@code messages} messages or {@code duration_ms}. */
    SLOW_HANDLING(List.of("delay_ms"), List.of("messages", "duration_ms")),
    /** The listed start attempts of the target take {@code delay_ms} before {@code init}, blocking its supervisor. */
    SLOW_START(List.of("delay_ms", "attempts"), List.of()),
    /** The listed start attempts of the target fail with {@code init_failed} before {@code init} runs. */
    FAILING_START(List.of("attempts"), List.of()),
    /** {@code count} messages sent to the target from outside the tree, at once or one every {@code interval_ms}. */
    FLOOD(List.of("count"), List.of("interval_ms")),
    /** Messages from {@code from} to the target are dropped for {@code window_ms}. */
    DROP(List.of("from", "window_ms"), List.of()),
    /** Messages from {@code from} to the target arrive {@code delay_ms} late, for {@code window_ms}. */
    DELAY(List.of("from", "window_ms", "delay_ms"), List.of()),
    /** Messages from {@code from} to the target arrive twice, for {@code window_ms}. */
    DUPLICATE(List.of("from", "window_ms"), List.of()),
    /** Messages from {@code from} to the target are held for {@code window_ms} and then arrive in reverse order. */
    REORDER(List.of("from", "window_ms"), List.of()),
    /** Intensity + 1 kills of the target inside its supervisor's period: the supervisor gives up. */
    BREACH_INTENSITY(List.of(), List.of()),
    /** The next call to the worker (from {@code caller}, if given) is handled just after the caller's timeout. */
    CALL_TIMEOUT(List.of(), List.of("caller"));

    /** Every field a fault can have, in the order files are written. */
    static final List<String> ALL_FIELDS = List.of("at_ms", "target", "kind", "reason", "from", "delay_ms", "messages",
            "duration_ms", "attempts", "count", "interval_ms", "window_ms", "caller");

    private final List<String> required;
    private final List<String> optional;

    FaultKind(List<String> required, List<String> optional) {
        this.required = required;
        this.optional = optional;
    }

    /** The fields this kind needs besides {@code at_ms}, {@code target} and {@code kind}, e.g. {@code [reason]}. */
    public List<String> required() {
        return required;
    }

    /** The fields this kind may have, e.g. {@code [messages, duration_ms]} for {@link #SLOW_HANDLING}. */
    public List<String> optional() {
        return optional;
    }

    /** Whether a fault of this kind has the file field {@code name} (required or optional, or a common one). */
    public boolean takes(String name) {
        return Set.of("at_ms", "target", "kind").contains(name) || required.contains(name) || optional.contains(name);
    }

    /** Whether only a worker can be the target: {@link #RAISE}, {@link #STOP} and {@link #CALL_TIMEOUT}. */
    public boolean needsWorker() {
        return this == RAISE || this == STOP || this == CALL_TIMEOUT;
    }

    /** Whether the root cannot be the target: start faults (the root starts before faults apply) and intensity breaches. */
    public boolean needsChild() {
        return this == SLOW_START || this == FAILING_START || this == BREACH_INTENSITY;
    }

    /**
     * Whether the fault acts at once on the process holding its target, so that a target with no
     * live process at that moment gives a {@code fault_skipped} event: {@link #RAISE}, {@link #STOP},
     * {@link #EXIT_SIGNAL}, {@link #KILL} and {@link #FLOOD}. The others arm a rule that waits for
     * messages, starts or calls; what became of them is in the outcome's fault ledger.
     */
    public boolean actsAtOnce() {
        return this == RAISE || this == STOP || this == EXIT_SIGNAL || this == KILL || this == FLOOD;
    }

    /** Whether the fault acts on the messages between two paths: {@code from} and the target. */
    public boolean isLinkFault() {
        return this == DROP || this == DELAY || this == DUPLICATE || this == REORDER;
    }
}
