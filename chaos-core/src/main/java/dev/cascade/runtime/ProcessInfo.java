package dev.cascade.runtime;

import dev.cascade.runtime.internal.ProcessCell;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A live process as {@link Node#processes()} saw it, Erlang's {@code process_info/1}: what to print when a
 * test leaves a process running.
 *
 * <pre>{@code
 * node.processes().forEach(process -> System.out.println(process.describe()));
 * // <0.7.0> waiting in receive at Billing.lambda$poll$0(Billing.java:31), started as Billing.lambda$poll$0(Billing.java:29)
 * }</pre>
 *
 * @param pid            the process
 * @param registeredName the name it registered, if any
 * @param treePath       its path in a supervision tree, if it holds one
 * @param writtenIn      the class its function was written in ({@code dev.acme.BillingTest} for a lambda in that
 *                       class, or the function's own class): known even before it first ran
 * @param status         what it was doing when seen
 * @param stack          its thread's frames, innermost first, down to the process's own entry (the
 *                       runtime's frames below it cut off); empty before it first ran
 */
public record ProcessInfo(Pid pid, Optional<String> registeredName, Optional<String> treePath, String writtenIn, Status status,
        List<StackTraceElement> stack) {
    /** What the process is doing. */
    public enum Status {
        /** Spawned, its thread not yet run. */
        NOT_STARTED,
        /** On a CPU, or ready to be. */
        RUNNING,
        /** Blocked in a receive (or a call, a sleep), or in a JDK wait. */
        WAITING
    }

    /** Rejects nulls; keeps its own copy of {@code stack}. */
    public ProcessInfo {
        Objects.requireNonNull(pid, "pid");
        Objects.requireNonNull(registeredName, "registeredName");
        Objects.requireNonNull(treePath, "treePath");
        Objects.requireNonNull(writtenIn, "writtenIn");
        Objects.requireNonNull(status, "status");
        stack = List.copyOf(stack);
    }

    static ProcessInfo of(ProcessCell cell) {
        Thread thread = cell.thread();
        List<StackTraceElement> stack = thread == null ? List.of() : ownFrames(thread.getStackTrace());
        Status status = thread == null ? Status.NOT_STARTED
                : thread.getState() == Thread.State.RUNNABLE && stack.stream().noneMatch(ProcessInfo::isReceive) ? Status.RUNNING
                : Status.WAITING;
        return new ProcessInfo(cell.self(), cell.registeredName(), Optional.ofNullable(cell.place().path()),
                writtenIn(cell.function()), status, stack);
    }

    private static String writtenIn(Class<?> function) {
        String name = function.getName();
        int lambda = name.indexOf("$$Lambda");
        return lambda > 0 ? name.substring(0, lambda) : name;
    }

    /** The frames above the runtime's {@code ProcessCell.main}: the process's own. */
    private static List<StackTraceElement> ownFrames(StackTraceElement[] frames) {
        for (int i = 0; i < frames.length; i++) {
            if (frames[i].getClassName().equals(ProcessCell.class.getName()) && frames[i].getMethodName().equals("main")) {
                return Arrays.asList(frames).subList(0, i);
            }
        }
        return Arrays.asList(frames);
    }

    private static boolean isReceive(StackTraceElement frame) {
        return frame.getClassName().equals(ProcessCell.class.getName()) && frame.getMethodName().startsWith("receive");
    }

    /**
     * The function it started with: its outermost frame, or for a {@link Node#run} the function given to
     * {@code run} (not run's wrapper); empty before it first ran.
     */
    public Optional<StackTraceElement> initialCall() {
        List<StackTraceElement> own = stack;
        if (!own.isEmpty() && isNodeRun(own.getLast())) {
            own = own.subList(0, own.size() - 1);
        }
        return own.isEmpty() ? Optional.empty() : Optional.of(own.getLast());
    }

    /** Whether this is the process of a {@link Node#run}: it ends once the function given to {@code run} returned. */
    public boolean isNodeRun() {
        return writtenIn.equals(Node.class.getName());
    }

    private static boolean isNodeRun(StackTraceElement frame) {
        return frame.getClassName().equals(Node.class.getName()) && frame.getMethodName().startsWith("lambda$run");
    }

    /** Where it is now: its innermost frame outside the JDK and Cascade's runtime, if any. */
    public Optional<StackTraceElement> currentCall() {
        return stack.stream().filter(frame -> !isRuntime(frame.getClassName())).findFirst();
    }

    private static boolean isRuntime(String className) {
        return className.startsWith("java.") || className.startsWith("jdk.") || className.startsWith("sun.")
                || className.startsWith("dev.cascade.runtime.internal.") || className.startsWith(Scheduler.class.getName())
                || className.equals(Node.class.getName());
    }

    /**
     * One line: {@code <0.7.0> (registered as billing) waiting in receive at Billing.poll(Billing.java:31), started as
     * Billing.lambda$start$0(Billing.java:29)}.
     */
    public String describe() {
        StringBuilder text = new StringBuilder(pid.toString());
        registeredName.ifPresent(name -> text.append(" (registered as ").append(name).append(')'));
        treePath.ifPresent(path -> text.append(" at tree path ").append(path));
        text.append(switch (status) {
            case NOT_STARTED -> " not started yet";
            case RUNNING -> " running";
            case WAITING -> stack.stream().anyMatch(ProcessInfo::isReceive) ? " waiting in receive" : " waiting";
        });
        currentCall().ifPresent(frame -> text.append(" at ").append(shortly(frame)));
        text.append(initialCall().map(frame -> ", started as " + shortly(frame))
                .orElse(", to run a function written in " + writtenIn.substring(writtenIn.lastIndexOf('.') + 1)));
        return text.toString();
    }

    private static String shortly(StackTraceElement frame) {
        String type = frame.getClassName();
        String simple = type.substring(type.lastIndexOf('.') + 1);
        return simple + "." + frame.getMethodName() + (frame.getFileName() == null ? ""
                : "(" + frame.getFileName() + (frame.getLineNumber() > 0 ? ":" + frame.getLineNumber() : "") + ")");
    }
}
