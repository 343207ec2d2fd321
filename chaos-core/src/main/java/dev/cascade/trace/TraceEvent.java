package dev.cascade.trace;

import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.Pid;

import java.time.Duration;
import java.util.List;

/**
 * One event of a {@link Trace}. Every event has an id (its position in the run, from 1), the
 * scheduler time it happened at, and the id of the event that caused it (0 for none): a restart
 * points at the exit it answers, that exit at the fault or the signal that ended the process, a
 * lost message at the exit of the process it was queued in.
 *
 * <p>Messages are identified by the id of their {@link Sent} event; {@link Delivered},
 * {@link Handled}, {@link MessageDropped} and {@link MessageLost} name it in {@code message}.
 */
public sealed interface TraceEvent {

    /** The event's id: 1, 2, 3, … in the order events were recorded. */
    long id();

    /** Scheduler time ({@link dev.cascade.runtime.Scheduler#nanoTime()}) it happened at. */
    long atNanos();

    /** The id of the event that caused this one, or 0 if it has no recorded cause (a root). */
    long cause();

    /** A one-line, readable rendering without time or ids. */
    String describe();

    /** A process was created by {@code parent} (null: from outside any process). */
    record Spawned(long id, long atNanos, long cause, ProcessId process, Pid parent) implements TraceEvent {
        public String describe() {
            return process + " spawned";
        }
    }

    /** A supervisor's start of {@code process.path()} returned it: incarnation {@code process.incarnation()} exists. */
    record Started(long id, long atNanos, long cause, ProcessId process) implements TraceEvent {
        public String describe() {
            return process + " started";
        }
    }

    /** A start of {@code path} failed: no incarnation came into being. */
    record StartFailed(long id, long atNanos, long cause, String path, ExitReason reason) implements TraceEvent {
        public String describe() {
            return path + " failed to start: " + reason.describe();
        }
    }

    /** A message was sent (or, for exit messages and DOWNs, produced by a signal) to {@code to}. */
    record Sent(long id, long atNanos, long cause, ProcessId from, ProcessId to, Object message) implements TraceEvent {
        public String describe() {
            return (from == null ? "outside" : from.toString()) + " sent " + Messages.summary(message) + " to " + to;
        }
    }

    /** Message {@code message} entered {@code to}'s mailbox. */
    record Delivered(long id, long atNanos, long cause, long message, ProcessId to) implements TraceEvent {
        public String describe() {
            return "message #" + message + " delivered to " + to;
        }
    }

    /**
     * {@code by} took message {@code message} from its mailbox and finished with it after
     * {@code took}; a GenServer's handling time is its callback's, a plain receive takes zero.
     * {@code crashed} when the process died while handling it.
     */
    record Handled(long id, long atNanos, long cause, long message, ProcessId by, Duration took, boolean crashed)
            implements TraceEvent {
        public String describe() {
            return by + " handled message #" + message + " in " + took.toMillis() + " ms" + (crashed ? " (and died)" : "");
        }
    }

    /** A GenServer call began: {@code caller} waits for {@code callee} for up to {@code timeout}. */
    record CallStarted(long id, long atNanos, long cause, ProcessId caller, ProcessId callee, Object request,
                       dev.cascade.runtime.Timeout timeout) implements TraceEvent {
        public String describe() {
            return caller + " called " + callee + " with " + Messages.summary(request) + " (timeout " + timeout + ")";
        }
    }

    /** The call {@code call} (a {@link CallStarted} id) got its reply. */
    record CallReplied(long id, long atNanos, long cause, long call, ProcessId caller) implements TraceEvent {
        public String describe() {
            return caller + " got the reply to call #" + call;
        }
    }

    /** The call {@code call} timed out: no reply within its timeout. */
    record CallTimedOut(long id, long atNanos, long cause, long call, ProcessId caller) implements TraceEvent {
        public String describe() {
            return caller + "'s call #" + call + " timed out";
        }
    }

    /** The call {@code call} failed otherwise: the callee died ({@code reason}) or did not exist ({@code noproc}). */
    record CallFailed(long id, long atNanos, long cause, long call, ProcessId caller, ExitReason reason) implements TraceEvent {
        public String describe() {
            return caller + "'s call #" + call + " failed: " + reason.describe();
        }
    }

    /** A process ended with {@code reason}. */
    record Exited(long id, long atNanos, long cause, ProcessId process, ExitReason reason) implements TraceEvent {
        public String describe() {
            return process + " exited " + reason.describe();
        }
    }

    /**
     * {@code supervisor} decided to restart {@code child} (a path, or a child id outside a tree) and,
     * by its strategy, {@code group}: every child it stops and starts again for it.
     */
    record RestartDecided(long id, long atNanos, long cause, ProcessId supervisor, String child, List<String> group)
            implements TraceEvent {
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
    record SupervisorGaveUp(long id, long atNanos, long cause, ProcessId supervisor, String child, int intensity,
                            Duration period, int restarts, List<Long> counted) implements TraceEvent {
        public SupervisorGaveUp {
            counted = List.copyOf(counted);
        }

        public String describe() {
            return supervisor + " gave up (" + restarts + " restarts > intensity " + intensity + " in "
                    + Messages.duration(period) + ")";
        }
    }

    /** Message {@code message} to {@code to} was dropped before or after reaching its mailbox. */
    record MessageDropped(long id, long atNanos, long cause, long message, ProcessId to, DropReason reason)
            implements TraceEvent {
        public String describe() {
            return "message #" + message + " to " + to + " dropped (" + reason.name().toLowerCase(java.util.Locale.ROOT) + ")";
        }
    }

    /** Message {@code message} was still queued in {@code in} when it died: lost with it. */
    record MessageLost(long id, long atNanos, long cause, long message, ProcessId in, ProcessId from) implements TraceEvent {
        public String describe() {
            return "message #" + message + " lost in " + in;
        }
    }

    /**
     * {@code process} called a user method the agent instruments ({@code method}, e.g.
     * {@code SlowClient.fetch}, with {@code arguments} summarised) and was in it for {@code took}. Its
     * cause is what the process was doing: the message it was handling. {@code thrown} names the
     * exception the call ended with ({@code SQLException: deadlock}), or is null if it returned.
     * {@link Trace#describe(TraceEvent)} adds the message being handled.
     */
    record UserCall(long id, long atNanos, long cause, ProcessId process, String method, String arguments, Duration took,
            String thrown) implements TraceEvent {
        public String describe() {
            return process + " spent " + Messages.duration(took) + " in " + method + "(" + arguments + ")"
                    + (thrown == null ? "" : ", which threw " + thrown);
        }
    }

    /** Fault {@code fault} (its number in the ledger) hit {@code target}; {@code detail} says how. */
    record FaultFired(long id, long atNanos, long cause, int fault, String description, ProcessId target, String detail)
            implements TraceEvent {
        public String describe() {
            return "fault " + description + " hit " + target + (detail.isEmpty() ? "" : " (" + detail + ")");
        }
    }

    /** Fault {@code fault} could not apply: {@code why}. */
    record FaultSkipped(long id, long atNanos, long cause, int fault, String description, String why) implements TraceEvent {
        public String describe() {
            return "fault " + description + " skipped: " + why;
        }
    }
}
