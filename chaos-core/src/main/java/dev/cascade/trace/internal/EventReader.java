package dev.cascade.trace.internal;

import dev.cascade.internal.Echo;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.Timeout;
import dev.cascade.trace.DropReason;
import dev.cascade.trace.Message;
import dev.cascade.trace.Addressee;
import dev.cascade.trace.ProcessId;
import dev.cascade.trace.TraceEvent;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/** Reads one trace event from its JSON object, as docs/trace-format.md lays it out. Not API. */
public final class EventReader {
    /** The last name read for each pid: equal names are shared, so a trace read back holds one per incarnation. */
    private final java.util.Map<Long, ProcessId> names = new java.util.HashMap<>();
    private static final int SHARED = 10_000;
    private final java.util.Map<String, String> texts = new java.util.HashMap<>();

    /** The event {@code m} holds; empty for a type this reader does not know (a later version's). */
    public Optional<TraceEvent> read(Members m) {
        long id = m.number("id");
        long at = m.number("at_ns");
        OptionalLong cause = m.optionalNumber("cause");
        return Optional.ofNullable(switch (m.string("type")) {
            case "spawned" -> new TraceEvent.Spawned(id, at, cause, process(m, "process"),
                    m.has("parent") ? Optional.of(new Pid(m.object("parent").number("pid"))) : Optional.empty());
            case "started" -> {
                if (!(process(m, "process") instanceof ProcessId.Incarnation incarnation)) {
                    throw m.error("process", "a started process has a path and an incarnation");
                }
                yield new TraceEvent.Started(id, at, cause, incarnation);
            }
            case "start_ignored" -> new TraceEvent.StartIgnored(id, at, cause, m.string("path"));
            case "start_failed" -> new TraceEvent.StartFailed(id, at, cause, m.string("path"), reason(m));
            case "sent" -> new TraceEvent.Sent(id, at, cause, process(m, "from"), addressee(m, "to"), message(m, "message"));
            case "delivered" -> new TraceEvent.Delivered(id, at, cause, m.number("message"), process(m, "to"));
            case "handled" -> new TraceEvent.Handled(id, at, cause, m.number("message"), process(m, "by"),
                    Duration.ofNanos(m.number("took_ns")), m.bool("crashed"));
            case "call_started" -> new TraceEvent.CallStarted(id, at, cause, process(m, "caller"), addressee(m, "callee"),
                    message(m, "request"), m.has("timeout_ns") ? Timeout.of(Duration.ofNanos(m.number("timeout_ns"))) : Timeout.INFINITY);
            case "call_replied" -> new TraceEvent.CallReplied(id, at, cause, m.number("call"), process(m, "caller"));
            case "call_timed_out" -> new TraceEvent.CallTimedOut(id, at, cause, m.number("call"), process(m, "caller"));
            case "call_failed" -> new TraceEvent.CallFailed(id, at, cause, m.number("call"), process(m, "caller"), reason(m));
            case "exited" -> new TraceEvent.Exited(id, at, cause, process(m, "process"), reason(m));
            case "restart_decided" -> new TraceEvent.RestartDecided(id, at, cause, process(m, "supervisor"), m.string("child"),
                    m.strings("group"));
            case "supervisor_gave_up" -> new TraceEvent.SupervisorGaveUp(id, at, cause, process(m, "supervisor"),
                    m.string("child"), m.integer("intensity"), Duration.ofNanos(m.number("period_ns")), m.integer("restarts"),
                    m.numbers("counted"));
            case "message_dropped" -> new TraceEvent.MessageDropped(id, at, cause, m.number("message"), addressee(m, "to"),
                    dropReason(m));
            case "message_lost" -> new TraceEvent.MessageLost(id, at, cause, m.number("message"), process(m, "in"),
                    process(m, "from"));
            case "user_call" -> new TraceEvent.UserCall(id, at, cause, process(m, "process"), m.string("method"),
                    m.string("arguments"), Duration.ofNanos(m.number("took_ns")), m.optionalString("thrown"));
            case "fault_fired" -> new TraceEvent.FaultFired(id, at, cause, m.integer("fault"), m.string("description"),
                    process(m, "target"), m.string("detail"));
            case "fault_skipped" -> new TraceEvent.FaultSkipped(id, at, cause, m.integer("fault"), m.string("description"),
                    m.optionalString("path"), m.string("why"));
            default -> null;
        });
    }

    /** A process, or a name no process held ({@code {"name": ...}}, without a pid). */
    private Addressee addressee(Members m, String name) {
        Members a = m.object(name);
        if (a.has("name") && !a.has("pid")) {
            return new Addressee.Unheld(a.string("name"));
        }
        return process(m, name);
    }

    /** A process: {@code {"pid": 6}}, with {@code path}, and with {@code incarnation}. */
    private ProcessId process(Members m, String name) {
        ProcessId read = readProcess(m, name);
        ProcessId known = names.get(read.pid().serial());
        if (read.equals(known)) {
            return known;
        }
        names.put(read.pid().serial(), read);
        return read;
    }

    private static ProcessId readProcess(Members m, String name) {
        Members p = m.object(name);
        Pid pid = new Pid(p.number("pid"));
        if (!p.has("path")) {
            return ProcessId.outside(pid);
        }
        if (!p.has("incarnation")) {
            return ProcessId.starting(pid, p.string("path"));
        }
        int number = p.integer("incarnation");
        if (number < 1) {
            throw p.error("incarnation", "expected an incarnation >= 1 but was " + number);
        }
        return ProcessId.incarnation(pid, p.string("path"), number);
    }

    private Message message(Members m, String name) {
        return Message.read(shared(m.string(name)), shared(m.string(name + "_type")));
    }

    /** One string for equal texts (the same message sent again and again), up to {@value #SHARED} of them. */
    private String shared(String text) {
        String known = texts.get(text);
        if (known != null) {
            return known;
        }
        if (texts.size() < SHARED) {
            texts.put(text, text);
        }
        return text;
    }

    /** A reason by its spelling; {@code call:<cause>} with {@code reason_call} is a failed call. */
    private static ExitReason reason(Members m) {
        String spelled = m.string("reason");
        if (spelled.startsWith("call:") && m.has("reason_call")) {
            return new ExitReason.CallFailed(ExitReason.ofWord(spelled.substring("call:".length())), m.string("reason_call"));
        }
        return ExitReason.ofWord(spelled);
    }

    private static DropReason dropReason(Members m) {
        String reason = m.string("reason");
        try {
            return DropReason.valueOf(reason.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw m.error("reason", "expected one of no_process, late_reply, rejected_full, dropped_newest, dropped_oldest, fault"
                    + " but was " + Echo.quoted(reason));
        }
    }
}
