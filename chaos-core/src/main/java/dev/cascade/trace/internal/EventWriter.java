package dev.cascade.trace.internal;

import dev.cascade.internal.json.JsonWriter;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.Timeout;
import dev.cascade.trace.Addressee;
import dev.cascade.trace.Message;
import dev.cascade.trace.ProcessId;
import dev.cascade.trace.TraceEvent;

import java.util.List;
import java.util.Locale;

/** Writes one trace event as one line of JSON, as docs/trace-format.md lays it out. Not API. */
public final class EventWriter {
    private final StringBuilder out = new StringBuilder(160);

    /** The line of {@code event}, without a line break. */
    public String line(TraceEvent event) {
        out.setLength(0);
        out.append("{\"id\":").append(event.id()).append(",\"at_ns\":").append(event.atNanos());
        event.cause().ifPresent(cause -> out.append(",\"cause\":").append(cause));
        string("type", EventTypes.of(event));
        switch (event) {
            case TraceEvent.Spawned e -> {
                process("process", e.process());
                e.parent().ifPresent(parent -> out.append(",\"parent\":{\"pid\":").append(parent.serial()).append('}'));
            }
            case TraceEvent.Started e -> process("process", e.process());
            case TraceEvent.StartIgnored e -> string("path", e.path());
            case TraceEvent.StartFailed e -> {
                string("path", e.path());
                reason(e.reason());
            }
            case TraceEvent.Sent e -> {
                process("from", e.from());
                addressee("to", e.to());
                message("message", e.message());
            }
            case TraceEvent.Delivered e -> {
                number("message", e.message());
                process("to", e.to());
            }
            case TraceEvent.Handled e -> {
                number("message", e.message());
                process("by", e.by());
                number("took_ns", e.took().toNanos());
                out.append(",\"crashed\":").append(e.crashed());
            }
            case TraceEvent.CallStarted e -> {
                process("caller", e.caller());
                addressee("callee", e.callee());
                message("request", e.request());
                if (e.timeout() instanceof Timeout.Finite finite) {
                    number("timeout_ns", finite.duration().toNanos());
                }
            }
            case TraceEvent.CallReplied e -> call(e.call(), e.caller());
            case TraceEvent.CallTimedOut e -> call(e.call(), e.caller());
            case TraceEvent.CallFailed e -> {
                call(e.call(), e.caller());
                reason(e.reason());
            }
            case TraceEvent.Exited e -> {
                process("process", e.process());
                reason(e.reason());
            }
            case TraceEvent.RestartDecided e -> {
                process("supervisor", e.supervisor());
                string("child", e.child());
                strings("group", e.group());
            }
            case TraceEvent.SupervisorGaveUp e -> {
                process("supervisor", e.supervisor());
                string("child", e.child());
                number("intensity", e.intensity());
                number("period_ns", e.period().toNanos());
                number("restarts", e.restarts());
                out.append(",\"counted\":[");
                for (int i = 0; i < e.counted().size(); i++) {
                    out.append(i == 0 ? "" : ",").append(e.counted().get(i));
                }
                out.append(']');
            }
            case TraceEvent.MessageDropped e -> {
                number("message", e.message());
                addressee("to", e.to());
                string("reason", e.reason().name().toLowerCase(Locale.ROOT));
            }
            case TraceEvent.MessageLost e -> {
                number("message", e.message());
                process("in", e.in());
                process("from", e.from());
            }
            case TraceEvent.UserCall e -> {
                process("process", e.process());
                string("method", e.method());
                string("arguments", e.arguments());
                number("took_ns", e.took().toNanos());
                e.thrown().ifPresent(thrown -> string("thrown", thrown));
            }
            case TraceEvent.FaultFired e -> {
                number("fault", e.fault());
                string("description", e.description());
                process("target", e.target());
                string("detail", e.detail());
            }
            case TraceEvent.FaultSkipped e -> {
                number("fault", e.fault());
                string("description", e.description());
                e.path().ifPresent(path -> string("path", path));
                string("why", e.why());
            }
        }
        return out.append('}').toString();
    }

    private void call(long call, ProcessId caller) {
        number("call", call);
        process("caller", caller);
    }

    private void number(String name, long value) {
        out.append(",\"").append(name).append("\":").append(value);
    }

    private void string(String name, String value) {
        out.append(",\"").append(name).append("\":").append(JsonWriter.quote(value));
    }

    private void strings(String name, List<String> values) {
        out.append(",\"").append(name).append("\":[");
        for (int i = 0; i < values.size(); i++) {
            out.append(i == 0 ? "" : ",").append(JsonWriter.quote(values.get(i)));
        }
        out.append(']');
    }

    private void message(String name, Message message) {
        string(name, message.text());
        string(name + "_type", message.type());
    }

    /** A reason by its spelling; a failed call as {@code call:<cause>} with the call's text in {@code reason_call}. */
    private void reason(ExitReason reason) {
        if (reason instanceof ExitReason.CallFailed failed) {
            string("reason", "call:" + Reasons.outcome(failed.cause()));
            string("reason_call", failed.call());
        } else {
            string("reason", reason.describe());
        }
    }

    /** A process as {@link #process} writes it; a name no process held as {@code {"name": ...}}. */
    private void addressee(String name, Addressee addressee) {
        switch (addressee) {
            case ProcessId process -> process(name, process);
            case Addressee.Unheld unheld -> out.append(",\"").append(name).append("\":{\"name\":")
                    .append(JsonWriter.quote(unheld.name())).append('}');
        }
    }

    private void process(String name, ProcessId process) {
        out.append(",\"").append(name).append("\":{\"pid\":").append(process.pid().serial());
        switch (process) {
            case ProcessId.Outside o -> { }
            case ProcessId.Starting s -> out.append(",\"path\":").append(JsonWriter.quote(s.treePath()));
            case ProcessId.Incarnation i -> out.append(",\"path\":").append(JsonWriter.quote(i.treePath()))
                    .append(",\"incarnation\":").append(i.number());
        }
        out.append('}');
    }
}
