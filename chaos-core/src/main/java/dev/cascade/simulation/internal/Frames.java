package dev.cascade.simulation.internal;

import java.util.List;
import java.util.stream.Stream;

/** Finds the frames of a stack that say where user code waits. */
final class Frames {
    private static final List<String> JDK = List.of("java.", "jdk.", "sun.");
    private static final List<String> RUNTIME = Stream.concat(JDK.stream(), Stream.of(
            "dev.cascade.runtime.", "dev.cascade.genserver.", "dev.cascade.simulation.internal.",
            "dev.cascade.simulation.SimulatedScheduler", "dev.cascade.supervisor.internal.", "dev.cascade.supervisor.Supervisor",
            "dev.cascade.dynamic.internal.", "dev.cascade.registry.internal.", "dev.cascade.scenario.internal.")).toList();

    private Frames() {}

    /** The first frame outside the JDK and the runtime, e.g. {@code "Billing.handleCall(Billing.java:42)"}; or "unknown". */
    static String user(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            if (!matches(RUNTIME, frame.getClassName())) {
                return shortForm(frame);
            }
        }
        return "unknown";
    }

    /** The JDK method user code called to block (the last JDK frame above the first user frame), and that user frame. */
    static String blockingCall(StackTraceElement[] stack) {
        StackTraceElement jdk = null;
        for (StackTraceElement frame : stack) {
            if (matches(JDK, frame.getClassName())) {
                jdk = frame;
            } else if (!matches(RUNTIME, frame.getClassName())) {
                break;
            }
        }
        return (jdk == null ? "a JDK wait" : jdk.getClassName() + "." + jdk.getMethodName()) + " called at " + user(stack);
    }

    /** Whether the stack is parked with a timeout ({@code parkNanos}, {@code sleep}), not yielding. */
    static boolean inTimedPark(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            String method = frame.getMethodName();
            if (method.equals("parkNanos") || method.equals("sleepNanos") || method.equals("parkUntil")) {
                return true;
            }
            if (!matches(JDK, frame.getClassName())) {
                return false;
            }
        }
        return false;
    }

    private static boolean matches(List<String> prefixes, String type) {
        for (String prefix : prefixes) {
            if (type.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static String shortForm(StackTraceElement frame) {
        String type = frame.getClassName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethodName()
                + "(" + frame.getFileName() + ":" + frame.getLineNumber() + ")";
    }
}
