package dev.cascade.runtime;

import java.util.Objects;

/**
 * Why a process ended, or the reason carried by an exit signal. A closed set, matched
 * exhaustively: OTP's atoms and terms map onto these records.
 *
 * <pre>{@code
 * switch (reason) {
 *   case ExitReason.Normal n -> "clean";
 *   case ExitReason.Raised r -> "crashed: " + r.error();
 *   default -> reason.describe();
 * }
 * }</pre>
 *
 * <p>{@link #describe()} gives the spelling used by scenario outcome files
 * ({@code normal}, {@code shutdown}, {@code shutdown:x}, {@code killed}, {@code error:boom}, …).
 */
public sealed interface ExitReason {

    /** {@code normal}: a clean end. A non-trapping process ignores it as an exit signal. */
    record Normal() implements ExitReason {}

    /** {@code shutdown}: the reason a supervisor uses to stop a child. */
    record Shutdown() implements ExitReason {}

    /** {@code {shutdown, Detail}}: an expected end with a detail. */
    record ShutdownWith(Object detail) implements ExitReason {
        public ShutdownWith {
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** {@code killed}: the reason of a process that received the untrappable {@code kill} signal. */
    record Killed() implements ExitReason {}

    /**
     * {@code kill}: as a signal sent with {@code exit(Pid, kill)} it cannot be trapped and the
     * target ends {@code killed}; as the reason a process ends with by itself it travels over
     * links as a plain, trappable reason (otp-semantics E6).
     */
    record Kill() implements ExitReason {}

    /** {@code noproc}: the target process did not exist. */
    record NoProc() implements ExitReason {}

    /** {@code {E, Stacktrace}}: a handler raised. */
    record Raised(Throwable error) implements ExitReason {
        public Raised {
            Objects.requireNonNull(error, "error");
        }
    }

    /** {@code {bad_return_value, X}}: a callback returned something that is not a valid result. */
    record BadReturn(Object value) implements ExitReason {}

    /**
     * {@code {Reason, {gen_server, call, [...]}}}: a call failed and the caller did not catch it.
     *
     * @param cause why the call failed: {@code timeout}, {@code noproc}, {@code calling_self}, or the server's exit reason
     * @param call  a readable description of the call
     */
    record CallFailed(ExitReason cause, String call) implements ExitReason {
        public CallFailed {
            Objects.requireNonNull(cause, "cause");
            Objects.requireNonNull(call, "call");
        }
    }

    /** Any other reason: a word or a term of the user's. */
    record Custom(Object term) implements ExitReason {
        public Custom {
            Objects.requireNonNull(term, "term");
        }
    }

    ExitReason NORMAL = new Normal();
    ExitReason SHUTDOWN = new Shutdown();
    ExitReason KILLED = new Killed();
    ExitReason KILL = new Kill();
    ExitReason NOPROC = new NoProc();
    /** {@code timeout}: a call or a start did not finish in time. */
    ExitReason TIMEOUT = new Custom("timeout");
    /** {@code calling_self}: a process called itself. */
    ExitReason CALLING_SELF = new Custom("calling_self");

    static ExitReason normal() { return NORMAL; }

    static ExitReason shutdown() { return SHUTDOWN; }

    static ExitReason shutdown(Object detail) { return new ShutdownWith(detail); }

    static ExitReason killed() { return KILLED; }

    static ExitReason kill() { return KILL; }

    static ExitReason raised(Throwable error) { return new Raised(error); }

    static ExitReason custom(Object term) { return new Custom(term); }

    /**
     * Parses the outcome-file spelling of a reason word: {@code normal}, {@code shutdown},
     * {@code shutdown:x}, {@code kill}, {@code killed}, or any other word as {@link Custom}.
     */
    static ExitReason ofWord(String word) {
        Objects.requireNonNull(word, "word");
        return switch (word) {
            case "normal" -> NORMAL;
            case "shutdown" -> SHUTDOWN;
            case "kill" -> KILL;
            case "killed" -> KILLED;
            case "noproc" -> NOPROC;
            default -> word.startsWith("shutdown:")
                    ? new ShutdownWith(word.substring("shutdown:".length()))
                    : new Custom(word);
        };
    }

    /**
     * Whether OTP treats this reason as an expected end: {@code normal}, {@code shutdown} or
     * {@code {shutdown, _}} (not logged, not restarted for transient children).
     */
    default boolean isNormalish() {
        return this instanceof Normal || this instanceof Shutdown || this instanceof ShutdownWith;
    }

    /** The outcome-file spelling of this reason. */
    default String describe() {
        return switch (this) {
            case Normal n -> "normal";
            case Shutdown s -> "shutdown";
            case ShutdownWith s -> "shutdown:" + (s.detail() instanceof ExitReason r ? r.describe() : s.detail());
            case Killed k -> "killed";
            case Kill k -> "kill";
            case NoProc n -> "noproc";
            case Raised r -> "error:" + Crash.describe(r.error());
            case BadReturn b -> "bad_return_value:" + b.value();
            case CallFailed c -> c.cause().describe() + " in " + c.call();
            case Custom c -> String.valueOf(c.term());
        };
    }
}
