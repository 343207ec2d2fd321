package dev.cascade.scenario.internal;

import dev.cascade.chaos.Fault;
import dev.cascade.chaos.MessageMatch;
import dev.cascade.genserver.GenServer;
import dev.cascade.runtime.ExitReason;
import dev.cascade.scenario.FaultOptions;
import dev.cascade.scenario.ScenarioFault;

/** The chaos {@link Fault} each scenario fault is: the file's kinds are the fault plan's. */
final class FaultMapping {
    /** Every message a slow handling slows: not a worker's own send timer, which is no message. */
    static final MessageMatch EVERY_MESSAGE = MessageMatch.of("every message", message -> message != GenServer.TIMEOUT);

    private FaultMapping() {}

    /**
     * The fault for {@code fault}.
     *
     * @throws IllegalArgumentException if a value is beyond what a fault plan takes (e.g. a delay of centuries)
     */
    static Fault of(ScenarioFault fault) {
        String target = fault.target();
        FaultOptions o = fault.options();
        return switch (fault.kind()) {
            case RAISE -> Fault.raise(target, fault.reason());
            case STOP -> Fault.stop(target, ExitReason.ofWord(fault.reason()));
            case EXIT_SIGNAL -> Fault.exitSignal(target, ExitReason.ofWord(fault.reason()));
            case KILL -> Fault.kill(target);
            case SLOW_HANDLING -> new Fault.SlowHandling(target, o.delay(), EVERY_MESSAGE,
                    o.duration().isZero() ? null : o.duration(), o.messages());
            case SLOW_START -> new Fault.SlowStart(target, o.delay(), o.attempts());
            case FAILING_START -> new Fault.FailingStart(target, ScenarioWorker.INIT_FAILED, o.attempts());
            case FLOOD -> new Fault.Flood(target, o.count(), i -> new Messages.Flooded(i + 1), o.interval());
            case DROP -> Fault.drop(o.from(), target, o.window());
            case DELAY -> Fault.delay(o.from(), target, o.delay(), o.window());
            case DUPLICATE -> Fault.duplicate(o.from(), target, o.window());
            case REORDER -> Fault.reorder(o.from(), target, o.window());
            case BREACH_INTENSITY -> Fault.breachIntensity(target);
            case CALL_TIMEOUT -> new Fault.SlowerThanCallTimeout(target, o.has("caller") ? o.caller() : null, 1);
        };
    }
}
