package dev.cascade.trace;

import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.Timeout;
import dev.cascade.trace.internal.Reasons;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One event of a {@link Trace}. Every event has an id (its position in the run, from 1; stable — a
 * bounded trace leaves events out but never renumbers), the scheduler time it happened at, and the
 * id of the event that caused it, if one is recorded: a restart points at the exit it answers, that
 * exit at the fault or the signal that ended the process, a lost message at the exit of the process
 * it was queued in. A cause always has a smaller id.
 *
 * <p>Messages are identified by the id of their {@link Sent} event; {@link Delivered},
 * {@link Handled}, {@link MessageDropped} and {@link MessageLost} name it in {@code message}. Exit
 * reasons are kept as their outcome-file spelling ({@link ExitReason#describe()}): a crash reads
 * {@code error:boom}, its exception object is not kept.
 *
 * <pre>{@code
 * for (TraceEvent event : trace.events()) {
 *     if (event instanceof TraceEvent.Exited exited && exited.process().isAt("root/db")) {
 *         exited.cause().flatMap(trace::event)...;   // what ended it
 *     }
 * }
 * }</pre>
 */
public sealed interface TraceEvent {

    /** The event's id: its position in the run, 1, 2, 3, … */
    long id();

    /** Scheduler time ({@link dev.cascade.runtime.Scheduler#nanoTime()}) it happened at. */
    long atNanos();

    /** The id of the event that caused this one; empty if it has no recorded cause (a root). */
    OptionalLong cause();

    /** A one-line, readable rendering without time or ids. */
    String describe();

    /** The cause {@code id}, or none for 0 (how the runtime passes "no cause" internally). */
    static OptionalLong causeOf(long id) {
        return id > 0 ? OptionalLong.of(id) : OptionalLong.empty();
    }

    /** A process was created by {@code parent} (empty: from outside any process). */
    record Spawned(long id, long atNanos, OptionalLong cause, ProcessId process, Optional<Pid> parent) implements TraceEvent {
        public String describe() {
            return process + " spawned";
        }
    }

    /** A supervisor's start of {@code process}'s path returned it: that incarnation exists. */
    record Started(long id, long atNanos, OptionalLong cause, ProcessId.Incarnation process) implements TraceEvent {
        public String describe() {
            return process + " started";
        }
    }

    /** A supervisor's start of {@code path} returned {@code ignore}: no process, no incarnation. */
    record StartIgnored(long id, long atNanos, OptionalLong cause, String path) implements TraceEvent {
        public String describe() {
            return path + " ignored its start";
        }
    }

    /** A start of {@code path} failed: no incarnation came into being. */
    record StartFailed(long id, long atNanos, OptionalLong cause, String path, ExitReason reason) implements TraceEvent {
        /** Keeps the reason as its spelling. */
        public StartFailed {
            reason = Reasons.spelled(reason);
        }

        public String describe() {
            return path + " failed to start: " + reason.describe();
        }
    }

    /**
     * A message was sent (or, for exit messages and DOWNs, produced by a signal) to {@code to}: a
     * process, or a name no process ever held (a cast to it is then dropped at once).
     */
    record Sent(long id, long atNanos, OptionalLong cause, ProcessId from, Addressee to, Message message) implements TraceEvent {
        public String describe() {
            return from + " sent " + Messages.summary(message.text()) + " to " + to;
        }
    }

    /** Message {@code message} entered {@code to}'s mailbox. */
    record Delivered(long id, long atNanos, OptionalLong cause, long message, ProcessId to) implements TraceEvent {
        public String describe() {
            return "message #" + message + " delivered to " + to;
        }
    }

    /**
     * {@code by} took message {@code message} from its mailbox and finished with it after
     * {@code took}; a GenServer's handling time is its callback's, a plain receive takes zero.
     * {@code crashed} when the process died while handling it.
     */
    record Handled(long id, long atNanos, OptionalLong cause, long message, ProcessId by, Duration took, boolean crashed)
            implements TraceEvent {
        public String describe() {
            return by + " handled message #" + message + " in " + took.toMillis() + " ms" + (crashed ? " (and died)" : "");
        }
    }

    /**
     * A GenServer call began: {@code caller} waits for {@code callee} for up to {@code timeout}. A call
     * to a name no process ever held names it ({@link Addressee.Unheld}) and fails at once ({@code noproc}).
     */
    record CallStarted(long id, long atNanos, OptionalLong cause, ProcessId caller, Addressee callee, Message request,
                       Timeout timeout) implements TraceEvent {
        public String describe() {
            return caller + " called " + callee + " with " + Messages.summary(request.text()) + " (timeout " + timeout + ")";
        }
    }

    /** The call {@code call} (a {@link CallStarted} id) got its reply. */
    record CallReplied(long id, long atNanos, OptionalLong cause, long call, ProcessId caller) implements TraceEvent {
        public String describe() {
            return caller + " got the reply to call #" + call;
        }
    }

    /** The call {@code call} timed out: no reply within its timeout. */
    record CallTimedOut(long id, long atNanos, OptionalLong cause, long call, ProcessId caller) implements TraceEvent {
        public String describe() {
            return caller + "'s call #" + call + " timed out";
        }
    }

    /** The call {@code call} failed otherwise: the callee died ({@code reason}) or did not exist ({@code noproc}). */
    record CallFailed(long id, long atNanos, OptionalLong cause, long call, ProcessId caller, ExitReason reason)
            implements TraceEvent {
        /** Keeps the reason as its spelling. */
        public CallFailed {
            reason = Reasons.spelled(reason);
        }

        public String describe() {
            return caller + "'s call #" + call + " failed: " + reason.describe();
        }
    }

    /** A process ended with {@code reason}. */
    record Exited(long id, long atNanos, OptionalLong cause, ProcessId process, ExitReason reason) implements TraceEvent {
        /** Keeps the reason as its spelling. */
        public Exited {
            reason = Reasons.spelled(reason);
        }

        public String describe() {
            return process + " exited " + reason.describe();
        }
    }

    /**
     * {@code supervisor} decided to restart {@code child} (a path, or a child id outside a tree) and,
     * by its strategy, {@code group}: every child it stops and starts again for it.
     */
    record RestartDecided(long id, long atNanos, OptionalLong cause, ProcessId supervisor, String child, List<String> group)
            implements TraceEvent {
        /** Copies the group. */
        public RestartDecided {
            group = List.copyOf(group);
        }

        public String describe() {
            return supervisor + " restarts " + child + (group.size() > 1 ? " with " + group : "");
        }
    }

    /**
     * {@code supervisor} gave up: restarting {@code child} would make {@code restarts} restarts within
     * {@code period}, more than {@code intensity}. {@code counted} are the causes (exits) of the
     * restarts in the window, oldest first, the last one included.
     */
    record SupervisorGaveUp(long id, long atNanos, OptionalLong cause, ProcessId supervisor, String child, int intensity,
                            Duration period, int restarts, List<Long> counted) implements TraceEvent {
        /** Copies the counted causes. */
        public SupervisorGaveUp {
            counted = List.copyOf(counted);
        }

        public String describe() {
            return supervisor + " gave up (" + restarts + " restarts > intensity " + intensity + " in "
                    + Messages.duration(period) + ")";
        }
    }

    /** Message {@code message} to {@code to} was dropped before or after reaching its mailbox. */
    record MessageDropped(long id, long atNanos, OptionalLong cause, long message, Addressee to, DropReason reason)
            implements TraceEvent {
        public String describe() {
            return "message #" + message + " to " + to + " dropped (" + reason.name().toLowerCase(Locale.ROOT) + ")";
        }
    }

    /** Message {@code message} from {@code from} was still queued in {@code in} when it died: lost with it. */
    record MessageLost(long id, long atNanos, OptionalLong cause, long message, ProcessId in, ProcessId from)
            implements TraceEvent {
        public String describe() {
            return "message #" + message + " lost in " + in;
        }
    }

    /**
     * {@code process} called a user method the agent instruments ({@code method}, e.g.
     * {@code SlowClient.fetch}, with {@code arguments} summarised) and was in it for {@code took}. Its
     * cause is what the process was doing: the message it was handling. {@code thrown} names the
     * exception the call ended with ({@code SQLException: deadlock}); empty if it returned.
     * {@link Trace#describe(TraceEvent)} adds the message being handled.
     */
    record UserCall(long id, long atNanos, OptionalLong cause, ProcessId process, String method, String arguments,
                    Duration took, Optional<String> thrown) implements TraceEvent {
        public String describe() {
            return process + " spent " + Messages.duration(took) + " in " + method + "(" + arguments + ")"
                    + thrown.map(what -> ", which threw " + what).orElse("");
        }
    }

    /** Fault {@code fault} (its number in the ledger) hit {@code target}; {@code detail} says how. */
    record FaultFired(long id, long atNanos, OptionalLong cause, int fault, String description, ProcessId target,
                      String detail) implements TraceEvent {
        public String describe() {
            return "fault " + description + " hit " + target + (detail.isEmpty() ? "" : " (" + detail + ")");
        }
    }

    /** Fault {@code fault} could not apply to {@code path} (empty: a fault without a target path): {@code why}. */
    record FaultSkipped(long id, long atNanos, OptionalLong cause, int fault, String description, Optional<String> path,
                        String why) implements TraceEvent {
        /** Rejects null. */
        public FaultSkipped {
            Objects.requireNonNull(path, "path");
        }

        public String describe() {
            return "fault " + description + " skipped: " + why;
        }
    }
}
