package dev.cascade.chaos;

import dev.cascade.agent.MethodMatch;
import dev.cascade.runtime.ExitReason;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * One way to break a running tree on purpose. Every fault targets a tree path
 * ({@code root/app/cache}), so it hits whichever incarnation holds the path when it fires and a plan
 * survives restarts. Faults are values: build them with the static methods, put them in a
 * {@link FaultPlan} at a time, or {@linkplain ChaosTree#inject inject} one now. What each one did
 * (or why it could not) is in the {@link FaultLedger}.
 *
 * <pre>{@code
 * Fault.raise("root/app/cache", "boom");
 * Fault.slowHandling("root/db", Duration.ofMillis(200)).matching(Query.class).forMessages(10);
 * Fault.failingStart("root/app/api", 2, 3);
 * Fault.breachIntensity("root/app/cache");      // intensity + 1 failures inside the period
 * }</pre>
 */
public sealed interface Fault {

    /** The tree path the fault targets. */
    String target();

    /** A short readable name, as the ledger and the trace show it: {@code raise boom on root/app/cache}. */
    String describe();

    /**
     * This fault, marked as allowed not to fire: a test that checks every planned fault fired (the
     * JUnit extension's {@code unfiredFaults} check) does not fail when it was skipped. It acts exactly
     * as the fault itself.
     *
     * <pre>{@code
     * tree.apply(FaultPlan.now(Fault.kill("root/sessions/alice").optional()));   // alice may have left already
     * }</pre>
     */
    default OptionalFault optional() {
        return new OptionalFault(this);
    }

    // ---- the kinds ------------------------------------------------------------------------

    /** The GenServer at {@code target} raises {@code reason} inside a handler: it ends {@code error:<reason>} after {@code terminate}. */
    record Raise(String target, String reason) implements Fault {
        public Raise {
            FaultChecks.path("raise target", target);
            FaultChecks.word("raise reason", reason);
        }

        public String describe() {
            return "raise " + reason + " on " + target;
        }
    }

    /** The GenServer at {@code target} stops itself with {@code reason} from a handler ({@code terminate} runs). */
    record Stop(String target, ExitReason reason) implements Fault {
        public Stop {
            FaultChecks.path("stop target", target);
            Objects.requireNonNull(reason, "reason");
        }

        public String describe() {
            return "stop " + reason.describe() + " on " + target;
        }
    }

    /** An exit signal with {@code reason} reaches {@code target} from a process outside the tree. */
    record ExitSignal(String target, ExitReason reason) implements Fault {
        public ExitSignal {
            FaultChecks.path("exit signal target", target);
            Objects.requireNonNull(reason, "reason");
        }

        public String describe() {
            return "exit signal " + reason.describe() + " to " + target;
        }
    }

    /** The untrappable {@code kill} signal: {@code target} ends {@code killed}. */
    record Kill(String target) implements Fault {
        public Kill {
            FaultChecks.path("kill target", target);
        }

        public String describe() {
            return "kill " + target;
        }
    }

    /**
     * Each message the GenServer at {@code target} handles takes {@code delay} longer, for messages
     * {@code matching} (all by default), from when the fault fires for {@code window} (null: for
     * ever) or for {@code messages} messages (0: no limit). The delay is inside the handler, so
     * calls to it wait and its mailbox grows, exactly as with a slow dependency.
     */
    record SlowHandling(String target, Duration delay, MessageMatch matching, Duration window, int messages)
            implements Fault {
        public SlowHandling {
            FaultChecks.path("slow handling target", target);
            FaultChecks.positive("slow handling delay", delay);
            Objects.requireNonNull(matching, "matching");
            if (window != null) {
                FaultChecks.positive("slow handling window", window);
            }
            if (messages < 0) {
                throw new IllegalArgumentException("slow handling on " + target + ": messages must be >= 0 (0: no limit) but was "
                        + messages);
            }
        }

        /** Only messages of {@code type} (a call's request, a cast's message, or a plain message). */
        public SlowHandling matching(Class<?> type) {
            return new SlowHandling(target, delay, MessageMatch.ofType(type), window, messages);
        }

        /** Only messages {@code match} accepts, e.g. {@link MessageMatch#EVERY_MESSAGE}. */
        public SlowHandling matching(MessageMatch match) {
            return new SlowHandling(target, delay, Objects.requireNonNull(match, "match"), window, messages);
        }

        /** Only messages {@code test} accepts; {@code name} says which in the ledger. */
        public SlowHandling matching(String name, Predicate<Object> test) {
            return new SlowHandling(target, delay, MessageMatch.of(name, test), window, messages);
        }

        /** Only for {@code window} after it fires. */
        public SlowHandling forDuration(Duration window) {
            return new SlowHandling(target, delay, matching, window, messages);
        }

        /** Only for the next {@code count} matching messages. */
        public SlowHandling forMessages(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("slow handling on " + target + ": forMessages needs a count >= 1 but was " + count);
            }
            return new SlowHandling(target, delay, matching, window, count);
        }

        public String describe() {
            return "slow handling +" + FaultChecks.millis(delay) + " on " + target
                    + (matching.equals(MessageMatch.ALL) ? "" : " for " + matching)
                    + (messages > 0 ? ", " + messages + " messages" : "")
                    + (window != null ? ", for " + FaultChecks.millis(window) : "");
        }
    }

    /** Starts of {@code target} on the given attempts (1 = the first start) take {@code delay} before {@code init}. */
    record SlowStart(String target, Duration delay, Set<Integer> attempts) implements Fault {
        public SlowStart {
            FaultChecks.path("slow start target", target);
            FaultChecks.positive("slow start delay", delay);
            attempts = FaultChecks.attempts(target, attempts);
        }

        public String describe() {
            return "slow start +" + FaultChecks.millis(delay) + " on " + target + " attempts " + attempts;
        }
    }

    /** Starts of {@code target} on the given attempts fail with {@code reason} before {@code init} runs. */
    record FailingStart(String target, ExitReason reason, Set<Integer> attempts) implements Fault {
        public FailingStart {
            FaultChecks.path("failing start target", target);
            Objects.requireNonNull(reason, "reason");
            attempts = FaultChecks.attempts(target, attempts);
        }

        public String describe() {
            return "failing start (" + reason.describe() + ") on " + target + " attempts " + attempts;
        }
    }

    /**
     * {@code count} messages made by {@code generator} (given 0, 1, …) are sent to {@code target} from
     * outside the tree: all at once ({@code interval} zero) or one every {@code interval}; as plain
     * messages (the default: a GenServer's {@code handleInfo}), as casts ({@link #asCasts()}) or as
     * calls ({@link #asCalls()}, each from a caller of its own that waits up to 5 s for its reply).
     *
     * <pre>{@code
     * Fault.flood("root/api", 160, i -> new Request(i)).asCasts().atRate(Duration.ofMillis(5));
     * }</pre>
     */
    record Flood(String target, int count, IntFunction<Object> generator, Duration interval, FloodAs as) implements Fault {
        public Flood {
            FaultChecks.path("flood target", target);
            if (count < 1) {
                throw new IllegalArgumentException("flood of " + target + ": count must be >= 1 but was " + count);
            }
            Objects.requireNonNull(generator, "generator");
            FaultChecks.notNegative("flood interval", interval);
            Objects.requireNonNull(as, "as");
        }

        /** A flood of plain messages. */
        public Flood(String target, int count, IntFunction<Object> generator, Duration interval) {
            this(target, count, generator, interval, FloodAs.MESSAGES);
        }

        /** One message every {@code interval} instead of all at once. */
        public Flood atRate(Duration interval) {
            return new Flood(target, count, generator, interval, as);
        }

        /** The messages go as casts ({@code handleCast}) instead of plain messages. */
        public Flood asCasts() {
            return new Flood(target, count, generator, interval, FloodAs.CASTS);
        }

        /** The messages go as calls ({@code handleCall}), each from a caller of its own, default timeout. */
        public Flood asCalls() {
            return new Flood(target, count, generator, interval, FloodAs.CALLS);
        }

        public String describe() {
            return "flood " + count + " " + as.noun() + " to " + target + (interval.isZero() ? " at once" : " every " + FaultChecks.millis(interval));
        }
    }

    /** How a {@link Flood}'s messages are sent. */
    enum FloodAs {
        /** Plain messages, handled by a GenServer's {@code handleInfo}. */
        MESSAGES,
        /** Casts, handled by {@code handleCast}. */
        CASTS,
        /** Calls, handled by {@code handleCall}; each caller waits up to 5 s and records its outcome in the trace. */
        CALLS;

        /** {@code messages}, {@code casts}, {@code calls}. */
        public String noun() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** What a {@link LinkFault} does to each message on its link. */
    enum LinkEffect {
        /** The message is dropped (traced as dropped by a fault). */
        DROP,
        /** The message arrives {@code delay} later; messages sent meanwhile may overtake it. */
        DELAY,
        /** The message arrives twice: the copy right after the original. */
        DUPLICATE,
        /** Messages of the window are held and arrive when it ends, in reverse order. */
        REORDER
    }

    /**
     * Messages from the process at path {@code from} to the process at path {@code to} (calls, casts,
     * sends and replies) suffer {@code effect} for {@code window} after the fault fires.
     *
     * @param delay how late a {@link LinkEffect#DELAY delayed} message arrives; zero for the other effects
     */
    record LinkFault(String from, String to, LinkEffect effect, Duration delay, Duration window) implements Fault {
        public LinkFault {
            FaultChecks.path("link fault from", from);
            FaultChecks.path("link fault to", to);
            Objects.requireNonNull(effect, "effect");
            FaultChecks.notNegative("link delay", delay);
            if (effect == LinkEffect.DELAY) {
                FaultChecks.positive("link delay", delay);
            } else if (!delay.isZero()) {
                throw new IllegalArgumentException("link delay must be 0 for a " + effect.name().toLowerCase(java.util.Locale.ROOT)
                        + " (only a delay fault delays) but was " + delay);
            }
            FaultChecks.positive("link fault window", window);
        }

        public String target() {
            return to;
        }

        public String describe() {
            return effect.name().toLowerCase(java.util.Locale.ROOT)
                    + (effect == LinkEffect.DELAY ? " +" + FaultChecks.millis(delay) : "")
                    + " messages " + from + " → " + to + " for " + FaultChecks.millis(window);
        }
    }

    /**
     * Exactly {@code intensity + 1} failures (kills) of {@code target} inside its supervisor's period,
     * read from the supervisor's own spec: each new incarnation is killed as soon as it started, so
     * the supervisor gives up.
     */
    record IntensityBreach(String target) implements Fault {
        public IntensityBreach {
            FaultChecks.path("intensity breach target", target);
        }

        public String describe() {
            return "intensity breach on " + target;
        }
    }

    /**
     * The classic call failure: calls to the GenServer at {@code target} (from the process at
     * {@code caller}, or from anyone when null) are handled just after the caller's call timeout
     * expired, for the next {@code calls} calls. The caller gets {@code timeout}; the late reply is dropped.
     */
    record SlowerThanCallTimeout(String target, String caller, int calls) implements Fault {
        public SlowerThanCallTimeout {
            FaultChecks.path("slower than call timeout target", target);
            if (caller != null) {
                FaultChecks.path("slower than call timeout caller", caller);
            }
            if (calls < 1) {
                throw new IllegalArgumentException("slower than call timeout on " + target + ": calls must be >= 1 but was " + calls);
            }
        }

        public String describe() {
            return "calls to " + target + (caller == null ? "" : " from " + caller) + " outlast their timeout (" + calls
                    + (calls == 1 ? " call)" : " calls)");
        }
    }

    /**
     * Calls of user methods matching {@code method} (woven by the agent, which a {@link ChaosTree}
     * sets up by itself) made by the tree's processes: each is {@code delay} slower, or throws
     * {@code exception} (made from {@code message}) instead of running. Every matching call from when
     * it fires, only call number {@code nth} (from 1; 0 for every call), and only for {@code window}
     * (null: for ever); only calls from the process at path {@code caller} when it is not null.
     */
    record InMethod(MethodMatch method, Duration delay, Class<? extends Throwable> exception, String message, int nth,
            Duration window, String caller) implements Fault {
        public InMethod {
            Objects.requireNonNull(method, "method");
            if ((delay == null) == (exception == null)) {
                throw new IllegalArgumentException("a fault in " + method + " either delays or throws: give exactly one of them");
            }
            if (delay != null) {
                FaultChecks.positive("method delay", delay);
            } else {
                FaultChecks.throwable(exception, message);
            }
            if (nth < 0) {
                throw new IllegalArgumentException("fault in " + method + ": onCall needs a call number >= 1 but was " + nth);
            }
            if (window != null) {
                FaultChecks.positive("method fault window", window);
            }
            if (caller != null) {
                FaultChecks.path("method fault caller", caller);
            }
        }

        /** The caller's path, or empty when any process of the tree is hit. */
        public String target() {
            return caller == null ? "" : caller;
        }

        /** Only the {@code n}-th matching call after it fires (from 1), once. */
        public InMethod onCall(int n) {
            return new InMethod(method, delay, exception, message, FaultChecks.callNumber(method, n), window, caller);
        }

        /** Only for {@code window} after it fires. */
        public InMethod forDuration(Duration window) {
            return new InMethod(method, delay, exception, message, nth, Objects.requireNonNull(window, "window"), caller);
        }

        /** Only calls made by the process at {@code path}. */
        public InMethod from(String path) {
            return new InMethod(method, delay, exception, message, nth, window, Objects.requireNonNull(path, "path"));
        }

        public String describe() {
            return (delay != null ? "delay +" + FaultChecks.millis(delay) : "throw " + exception.getSimpleName() + "(\"" + message + "\")")
                    + " in " + method.describe() + (nth > 0 ? " on call " + nth : "")
                    + (window != null ? ", for " + FaultChecks.millis(window) : "") + (caller != null ? " from " + caller : "");
        }
    }

    /** {@code fault}, allowed not to fire ({@link #optional()}); it acts exactly as {@code fault}. */
    record OptionalFault(Fault fault) implements Fault {
        public OptionalFault {
            Objects.requireNonNull(fault, "fault");
            if (fault instanceof OptionalFault twice) {
                fault = twice.fault();
            }
        }

        public String target() {
            return fault.target();
        }

        @Override
        public OptionalFault optional() {
            return this;
        }

        public String describe() {
            return fault.describe() + " (optional)";
        }
    }

    // ---- factories -----------------------------------------------------------------------

    static Raise raise(String target, String reason) {
        return new Raise(target, reason);
    }

    static Stop stop(String target, ExitReason reason) {
        return new Stop(target, reason);
    }

    static ExitSignal exitSignal(String target, ExitReason reason) {
        return new ExitSignal(target, reason);
    }

    static Kill kill(String target) {
        return new Kill(target);
    }

    /** All messages, for ever; narrow it with {@code matching}, {@code forDuration}, {@code forMessages}. */
    static SlowHandling slowHandling(String target, Duration delay) {
        return new SlowHandling(target, delay, MessageMatch.ALL, null, 0);
    }

    static SlowStart slowStart(String target, Duration delay, int... attempts) {
        return new SlowStart(target, delay, FaultChecks.set(attempts));
    }

    /** Fails the given start attempts with {@code init_failed}. */
    static FailingStart failingStart(String target, int... attempts) {
        return new FailingStart(target, ExitReason.custom("init_failed"), FaultChecks.set(attempts));
    }

    /** {@code count} messages at once; {@code atRate} spreads them. */
    static Flood flood(String target, int count, IntFunction<Object> generator) {
        return new Flood(target, count, generator, Duration.ZERO);
    }

    static LinkFault drop(String from, String to, Duration window) {
        return new LinkFault(from, to, LinkEffect.DROP, Duration.ZERO, window);
    }

    static LinkFault delay(String from, String to, Duration delay, Duration window) {
        return new LinkFault(from, to, LinkEffect.DELAY, delay, window);
    }

    static LinkFault duplicate(String from, String to, Duration window) {
        return new LinkFault(from, to, LinkEffect.DUPLICATE, Duration.ZERO, window);
    }

    static LinkFault reorder(String from, String to, Duration window) {
        return new LinkFault(from, to, LinkEffect.REORDER, Duration.ZERO, window);
    }

    static IntensityBreach breachIntensity(String target) {
        return new IntensityBreach(target);
    }

    /** Every call of {@code method} from the tree's processes takes {@code delay} longer; narrow it with {@code onCall}, {@code forDuration}, {@code from}. */
    static InMethod delayIn(MethodMatch method, Duration delay) {
        return new InMethod(method, delay, null, null, 0, null, null);
    }

    /**
     * Every call of {@code method} from the tree's processes throws a new {@code exception} with
     * {@code message} instead of running; the type needs a public constructor taking the message, and
     * a checked one must be declared by the method.
     */
    static InMethod throwIn(MethodMatch method, Class<? extends Throwable> exception, String message) {
        return new InMethod(method, null, exception, message, 0, null, null);
    }

    /** The next call to {@code target} from {@code caller} outlasts the caller's timeout. */
    static SlowerThanCallTimeout slowerThanCallTimeout(String target, String caller) {
        return new SlowerThanCallTimeout(target, caller, 1);
    }
}
