package dev.cascade.trace;

import dev.cascade.runtime.Pid;
import dev.cascade.trace.internal.MessageTally;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The immutable, ordered log of what happened on a node with tracing on: every event with its
 * causal link, queries over them, message accounting and cascade explanations.
 *
 * <pre>{@code
 * Trace trace = tree.trace();
 * trace.events(TraceEvent.SupervisorGaveUp.class);          // who gave up, when, why
 * trace.accounting().balanced();                           // no message vanished silently
 * trace.explain(trace.events(TraceEvent.MessageLost.class).getFirst()).text();
 * }</pre>
 */
public final class Trace {
    private final List<TraceEvent> events;
    private final Map<Pid, Integer> queued;
    private final LeftOut leftOut;
    private final Map<Pid, Accounting> counted;
    private final boolean dense;
    /** The events {@link #events()} shows: all kept, or those of the tree ({@link #inTree()}). */
    private final List<TraceEvent> shown;

    /**
     * A full trace of {@code events} (ids 1…n in order) with {@code queued} messages per process
     * measured when it was taken. Made by the runtime; tests may build their own.
     */
    public Trace(List<TraceEvent> events, Map<Pid, Integer> queued) {
        this(events, queued, LeftOut.NOTHING, count(events));
    }

    /**
     * A trace that may have left events out (a bounded trace, or one read from a file): the events
     * kept, in increasing id order, what was left out, and the accounting of each process as counted
     * over every event of the run, kept or not ({@code sent}, {@code handled}, {@code dropped},
     * {@code lost}; its {@code queued} is ignored: {@code queued} gives it).
     *
     * @throws IllegalArgumentException if ids do not increase, or (nothing left out) are not 1…n
     */
    public Trace(List<TraceEvent> events, Map<Pid, Integer> queued, LeftOut leftOut, Map<Pid, Accounting> counted) {
        this.events = List.copyOf(events);
        Map<Pid, Integer> waiting = new HashMap<>();
        queued.forEach((pid, n) -> {
            if (n > 0) {
                waiting.put(pid, n);
            }
        });
        this.queued = Map.copyOf(waiting);
        this.leftOut = Objects.requireNonNull(leftOut, "leftOut");
        Map<Pid, Accounting> copy = new LinkedHashMap<>();
        counted.forEach((pid, accounting) -> {
            Accounting moved = new Accounting(accounting.sent(), accounting.handled(), accounting.dropped(), accounting.lost(), 0);
            if (!moved.equals(Accounting.ZERO)) {
                copy.put(pid, moved);
            }
        });
        this.counted = Collections.unmodifiableMap(copy);
        long previous = 0;
        for (int i = 0; i < this.events.size(); i++) {
            long id = this.events.get(i).id();
            if (leftOut.none() ? id != i + 1 : id <= previous) {
                throw new IllegalArgumentException((leftOut.none() ? "event ids must be 1, 2, 3, … in order"
                        : "event ids must increase") + " but event " + (i + 1) + " has id " + id
                        + (leftOut.none() ? "" : " after " + previous));
            }
            previous = id;
        }
        this.dense = leftOut.none();
        this.shown = this.events;
    }

    private Trace(Trace whole, List<TraceEvent> shown) {
        this.events = whole.events;
        this.queued = whole.queued;
        this.leftOut = whole.leftOut;
        this.counted = whole.counted;
        this.dense = whole.dense;
        this.shown = shown;
    }

    /**
     * This trace as its tree sees it (what {@code ChaosTree.trace()} gives): {@link #events()} and
     * {@link #events(Class)} leave out the events that concern only processes outside any tree — a
     * test's own {@code node.run} processes and callers, the tree's owner — such as
     * {@code <0.10.0> exited normal}. Events between such a process and the tree (a call into it, a
     * flood's messages, a reply) stay, as do faults; {@link #event}, {@link #chain}, {@link #explain}
     * and the accounting still cover every event, and a file is written from {@link #everything()}.
     *
     * <pre>{@code
     * tree.trace().events(TraceEvent.Exited.class);                // the tree's processes only
     * tree.trace().everything().events(TraceEvent.Exited.class);   // the test's own too
     * }</pre>
     */
    public Trace inTree() {
        return new Trace(this, events.stream().filter(Trace::touchesTree).toList());
    }

    /** This trace with every kept event shown, the processes outside the tree included (the trace as recorded). */
    public Trace everything() {
        return shown == events ? this : new Trace(this, events);
    }

    /** Whether {@link #events()} leaves out events that concern only processes outside a tree (see {@link #inTree()}). */
    public boolean scopedToTree() {
        return shown != events;
    }

    private static boolean touchesTree(TraceEvent event) {
        List<ProcessId> processes = processes(event);
        return processes.isEmpty() || processes.stream().anyMatch(ProcessId::inTree);
    }

    /** All events kept, in order; for a trace {@linkplain #inTree() seen from its tree}, the tree's. */
    public List<TraceEvent> events() {
        return shown;
    }

    /** The events of one type, in order (the tree's, for a trace {@linkplain #inTree() seen from its tree}). */
    public <T extends TraceEvent> List<T> events(Class<T> type) {
        Objects.requireNonNull(type, "type");
        return shown.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The event with this id, if it was kept. */
    public Optional<TraceEvent> event(long id) {
        if (dense) {
            return id >= 1 && id <= events.size() ? Optional.of(events.get((int) (id - 1))) : Optional.empty();
        }
        int low = 0;
        int high = events.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            long at = events.get(middle).id();
            if (at == id) {
                return Optional.of(events.get(middle));
            }
            if (at < id) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return Optional.empty();
    }

    /** What a bounded trace left out; {@link LeftOut#NOTHING} for a full trace. */
    public LeftOut leftOut() {
        return leftOut;
    }

    /** The messages in a live mailbox, being handled, or held in flight per process when the trace was taken. */
    public Map<Pid, Integer> queued() {
        return queued;
    }

    /** The event that caused {@code event}, if it has a recorded cause. */
    public Optional<TraceEvent> cause(TraceEvent event) {
        return event.cause().isPresent() ? event(event.cause().getAsLong()) : Optional.empty();
    }

    /** The causal chain of {@code event}: its root cause first, {@code event} last. */
    public List<TraceEvent> chain(TraceEvent event) {
        List<TraceEvent> chain = new ArrayList<>();
        TraceEvent at = event;
        while (at != null) {
            chain.add(at);
            long cause = at.cause().orElse(0);
            at = cause > 0 && cause < at.id() ? event(cause).orElse(null) : null;
        }
        Collections.reverse(chain);
        return chain;
    }

    /** The cascade that led to {@code event}, from its root fault, in a few readable lines. */
    public Explanation explain(TraceEvent event) {
        return Explanation.of(this, event);
    }

    /** The messages of the whole run. */
    public Accounting accounting() {
        return byPid().values().stream().reduce(Accounting.ZERO, Accounting::plus);
    }

    /** The messages of each process that was sent anything. */
    public Map<Pid, Accounting> accountingByProcess() {
        return Collections.unmodifiableMap(byPid());
    }

    /** The messages of each tree path, all its incarnations together, in path order. */
    public Map<String, Accounting> accountingByPath() {
        Map<Pid, String> paths = new HashMap<>();
        for (TraceEvent event : events) {
            for (ProcessId process : processes(event)) {
                process.path().ifPresent(path -> paths.put(process.pid(), path));
            }
        }
        Map<String, Accounting> byPath = new TreeMap<>();
        byPid().forEach((pid, accounting) -> {
            String path = paths.get(pid);
            if (path != null) {
                byPath.merge(path, accounting, Accounting::plus);
            }
        });
        return Collections.unmodifiableMap(byPath);
    }

    private Map<Pid, Accounting> byPid() {
        Map<Pid, Accounting> counts = new LinkedHashMap<>(counted);
        queued.forEach((pid, n) -> {
            if (n > 0) {
                counts.merge(pid, Accounting.ZERO.withQueued(n), Accounting::plus);
            }
        });
        return counts;
    }

    /** The accounting of each process counted from {@code events} (without queued), in first-sent order. */
    static Map<Pid, Accounting> count(List<TraceEvent> events) {
        MessageTally tally = new MessageTally();
        events.forEach(tally::add);
        return tally.counted();
    }

    static List<ProcessId> processes(TraceEvent event) {
        return switch (event) {
            case TraceEvent.Spawned e -> List.of(e.process());
            case TraceEvent.Started e -> List.of(e.process());
            case TraceEvent.Sent e -> e.to() instanceof ProcessId to ? List.of(e.from(), to) : List.of(e.from());
            case TraceEvent.Delivered e -> List.of(e.to());
            case TraceEvent.Handled e -> List.of(e.by());
            case TraceEvent.CallStarted e -> e.callee() instanceof ProcessId callee ? List.of(e.caller(), callee) : List.of(e.caller());
            case TraceEvent.Exited e -> List.of(e.process());
            case TraceEvent.RestartDecided e -> List.of(e.supervisor());
            case TraceEvent.SupervisorGaveUp e -> List.of(e.supervisor());
            case TraceEvent.MessageLost e -> List.of(e.in());
            case TraceEvent.FaultFired e -> List.of(e.target());
            case TraceEvent.UserCall e -> List.of(e.process());
            default -> List.of();
        };
    }

    /**
     * {@code event}'s description with what the trace knows around it: for a {@link TraceEvent.UserCall},
     * the message its process was handling ({@code root/ledger spent 2.1 s in HttpGateway.send handling
     * Charge}).
     */
    public String describe(TraceEvent event) {
        if (!(event instanceof TraceEvent.UserCall call)) {
            return event.describe();
        }
        String handling = chain(call).reversed().stream()
                .filter(TraceEvent.Sent.class::isInstance)
                .map(sent -> " handling " + ((TraceEvent.Sent) sent).message().type())
                .findFirst().orElse("");
        return call.process() + " spent " + Messages.duration(call.took()) + " in " + call.method() + handling
                + call.thrown().map(what -> ", which threw " + what).orElse("");
    }

    /** Two traces are equal when their events, queued counts, left-out counts and accounting are, whichever view shows them. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Trace that && events.equals(that.events) && queued.equals(that.queued)
                && leftOut.equals(that.leftOut) && counted.equals(that.counted);
    }

    @Override
    public int hashCode() {
        return Objects.hash(events, queued, leftOut, counted);
    }

    /** One event per line, with its time in ms since the first event and its cause. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        long zero = events.isEmpty() ? 0 : events.getFirst().atNanos();
        for (TraceEvent event : shown) {
            text.append(String.format(java.util.Locale.ROOT, "%6d %8.3f ms  %s%s%n", event.id(),
                    (event.atNanos() - zero) / 1e6, event.describe(), event.cause().isPresent() ? "  ← #" + event.cause().getAsLong() : ""));
        }
        return text.toString();
    }
}
