package dev.cascade.conformance.supervisor;

import dev.cascade.conformance.TestScheduler;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.runtime.RuntimeListener;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Records a node's supervision events as short lines, in the causal order the runtime reports them:
 * {@code "start a"}, {@code "init_fail b"}, {@code "ignore c"}, {@code "exit a shutdown"} (exits only
 * of processes known by name: children, and pids named with {@link #name}), plus the lines test
 * workers add themselves ({@code "terminate a shutdown"}).
 */
final class EventLog implements RuntimeListener {
    private final ReentrantLock lock = new ReentrantLock();
    private final List<String> events = new ArrayList<>();
    private final Map<Pid, String> names = new ConcurrentHashMap<>();
    private final Map<String, Pid> lastStarted = new ConcurrentHashMap<>();
    private final Map<String, Pid> supervisors = new ConcurrentHashMap<>();

    /** Gives {@code pid} a name, so its exit is recorded as {@code "exit <name> <reason>"}. */
    void name(Pid pid, String name) {
        names.put(pid, name);
    }

    void add(String event) {
        lock.lock();
        try {
            events.add(event);
        } finally {
            lock.unlock();
        }
    }

    /** Everything recorded so far. */
    List<String> events() {
        lock.lock();
        try {
            return List.copyOf(events);
        } finally {
            lock.unlock();
        }
    }

    /** A position to take {@link #since} from. */
    int mark() {
        return events().size();
    }

    /** What was recorded after {@code mark}. */
    List<String> since(int mark) {
        List<String> all = events();
        return all.subList(mark, all.size());
    }

    /** The pid of the latest start of child {@code id}: usable while its supervisor is busy and cannot answer. */
    Pid lastStarted(String id) {
        return lastStarted.get(id);
    }

    /** The supervisor that last started child {@code id}: usable while that supervisor is still in its own init. */
    Pid supervisorOf(String id) {
        return supervisors.get(id);
    }

    long count(String event) {
        return events().stream().filter(event::equals).count();
    }

    /** Waits in process {@code ctx} (up to 10 s) until {@code event} has been recorded {@code times} times in all. */
    void awaitCount(ProcessContext ctx, String event, int times) {
        TestScheduler.eventually(ctx, () -> "\"" + event + "\" " + times + " times in the events " + this,
                () -> count(event) >= times);
    }

    /** Waits in process {@code ctx} (up to 10 s) until {@code event} has been recorded after {@code mark}. */
    void awaitSince(ProcessContext ctx, int mark, String event) {
        TestScheduler.eventually(ctx, () -> "\"" + event + "\" after event " + mark + " in the events " + this,
                () -> since(mark).contains(event));
    }

    /** The events, for failure messages. */
    @Override
    public String toString() {
        return events().toString();
    }

    @Override
    public void childStarted(Pid supervisor, String childId, Pid child) {
        names.put(child, childId);
        lastStarted.put(childId, child);
        supervisors.put(childId, supervisor);
        add("start " + childId);
    }

    @Override
    public void childStartFailed(Pid supervisor, String childId, ExitReason reason) {
        add("init_fail " + childId);
    }

    @Override
    public void childIgnored(Pid supervisor, String childId) {
        add("ignore " + childId);
    }

    @Override
    public void processExited(Pid pid, ExitReason reason, List<Object> unhandled) {
        String name = names.get(pid);
        if (name != null) {
            add("exit " + name + " " + reason.describe());
        }
    }
}
