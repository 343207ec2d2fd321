package dev.cascade.simulation.internal;

import java.util.List;

/** Finds the frames of a stack that say where user code waits. */
final class Frames {
    private static final List<String> RUNTIME = List.of(
            "java.", "jdk.", "sun.", "dev.cascade.runtime.", "dev.cascade.genserver.", "dev.cascade.simulation.",
            "dev.cascade.supervisor.", "dev.cascade.dynamic.", "dev.cascade.registry.", "dev.cascade.scenario.internal.");

    private Frames() {}

    /** The first frame outside the JDK and the runtime, e.g. {@code "Billing.handleCall(Billing.java:42)"}; or "unknown". */
    static String user(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            if (!isRuntime(frame.getClassName())) {
                return shortForm(frame);
            }
        }
        return "unknown";
    }

    /** The blocking JDK call at the top of the stack and the user frame it came from. */
    static String blockingCall(StackTraceElement[] stack) {
        String jdk = null;
        for (StackTraceElement frame : stack) {
            String type = frame.getClassName();
            if (!type.startsWith("java.lang.VirtualThread") && !type.startsWith("jdk.internal.")
                    && !type.equals("java.util.concurrent.locks.LockSupport") && type.startsWith("java.")) {
                jdk = frame.getClassName() + "." + frame.getMethodName();
                break;
            }
        }
        return (jdk == null ? "a JDK wait" : jdk) + " called at " + user(stack);
    }

    private static boolean isRuntime(String type) {
        for (String prefix : RUNTIME) {
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
