package dev.cascade.agent.internal;

import dev.cascade.runtime.internal.Kernel;
import dev.cascade.runtime.internal.ProcessCell;
import dev.cascade.trace.TraceEvent;
import dev.cascade.trace.internal.Tracer;

import java.time.Duration;

/**
 * What the advice woven into a user method does. Off a process thread, or on a process of a node that
 * neither traces nor has a fault armed on user methods, nothing: one thread-local read and two checks.
 * Otherwise it applies the armed faults (a delay, or an exception instead of the method) and, on a
 * traced node, records the call as a {@link TraceEvent.UserCall} of the calling process.
 */
public final class UserCalls {
    /** A call in progress on a traced node. */
    private record Call(ProcessCell cell, Site site, long start, long cause, String arguments) {}

    private UserCalls() {}

    /** The process calling, if a hook has something to do for it (its node traces, or some node has method faults armed); else null. */
    public static ProcessCell caller() {
        ProcessCell cell = ProcessCell.current();
        return cell == null || cell.kernel().tracer() == null && !FaultHooks.any() ? null : cell;
    }

    /**
     * {@code cell} (the {@link #caller}) entered the method of site {@code siteId} with {@code arguments};
     * a token for {@link #exit}, or null if there is nothing to record when it returns.
     */
    public static Object enter(ProcessCell cell, int siteId, Object[] arguments) {
        Kernel kernel = cell.kernel();
        Tracer tracer = kernel.tracer();
        Site site = Sites.get(siteId);
        if (tracer == null) { // only faults to apply: no clock read, nothing to remember
            Throwable injected = FaultHooks.any() ? FaultHooks.onCall(cell, site) : null;
            if (injected != null) {
                throw UserCalls.<RuntimeException>sneaky(injected);
            }
            return null;
        }
        Call call = new Call(cell, site, kernel.scheduler().nanoTime(), cell.cause(), Arguments.summarize(arguments));
        Throwable injected = FaultHooks.any() ? FaultHooks.onCall(cell, site) : null;
        if (injected != null) {
            record(call, injected);
            throw UserCalls.<RuntimeException>sneaky(injected);
        }
        return call;
    }

    /** The call {@code token} came from ended, with {@code thrown} or normally (null). */
    public static void exit(Object token, Throwable thrown) {
        record((Call) token, thrown);
    }

    private static void record(Call call, Throwable thrown) {
        ProcessCell cell = call.cell();
        String threw = thrown == null ? null
                : !cell.alive() ? "nothing: its process died in it"
                : thrown.getClass().getSimpleName() + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage());
        cell.trace((id, at) -> new TraceEvent.UserCall(id, at, TraceEvent.causeOf(call.cause()), cell.traceId(), call.site().display(),
                call.arguments(), Duration.ofNanos(at - call.start()), java.util.Optional.ofNullable(threw)));
    }

    /** Throws {@code thrown} whatever its type: a checked exception the fault engine checked the method declares. */
    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T sneaky(Throwable thrown) throws T {
        throw (T) thrown;
    }
}
