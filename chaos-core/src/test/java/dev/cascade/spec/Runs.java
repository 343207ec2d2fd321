package dev.cascade.spec;

import dev.cascade.chaos.Fault;
import dev.cascade.chaos.FaultLedger;
import dev.cascade.chaos.LedgerEntry;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.Pid;
import dev.cascade.supervisor.SupervisorSpec;
import dev.cascade.trace.ProcessId;
import dev.cascade.trace.Trace;
import dev.cascade.trace.TraceEvent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Hand-made runs: a trace written event by event (ids 1, 2, … in order; times in ms) with its
 * ledger, over a tree outline, to test what specs conclude from exactly these events. The one
 * place that builds trace events, so a change of the trace model is answered here.
 */
final class Runs {
    private final SupervisorSpec spec;
    private final List<TraceEvent> events = new ArrayList<>();
    private final List<LedgerEntry> ledger = new ArrayList<>();
    private final Map<String, Integer> incarnations = new HashMap<>();
    private final Map<String, Long> pids = new HashMap<>();
    private long endMs;

    Runs(SupervisorSpec spec) {
        this.spec = spec;
    }

    private long next() {
        return events.size() + 1L;
    }

    private ProcessId.Incarnation process(String path) {
        int incarnation = Math.max(1, incarnations.getOrDefault(path, 0));
        long pid = pids.computeIfAbsent(path + "#" + incarnation, key -> (long) pids.size() + 10);
        return new ProcessId.Incarnation(new Pid(pid), path, incarnation);
    }

    private static java.util.OptionalLong cause(long id) {
        return TraceEvent.causeOf(id);
    }

    /** {@code path} started (its next incarnation); returns the event id. */
    long started(long atMs, long cause, String path) {
        incarnations.merge(path, 1, Integer::sum);
        long id = next();
        events.add(new TraceEvent.Started(id, atMs * 1_000_000, cause(cause), process(path)));
        return id;
    }

    /** Every path of the outline started at 0, in start order. */
    Runs allStarted() {
        TreeOutline.of("root", spec).paths().reversed().forEach(path -> started(0, 0, path));
        return this;
    }

    long exited(long atMs, long cause, String path, ExitReason reason) {
        long id = next();
        events.add(new TraceEvent.Exited(id, atMs * 1_000_000, cause(cause), process(path), reason));
        return id;
    }

    long fault(long atMs, Fault fault, String hit) {
        int number = ledger.size() + 1;
        long id = next();
        events.add(new TraceEvent.FaultFired(id, atMs * 1_000_000, cause(0), number, fault.describe(), process(hit), ""));
        ledger.add(new LedgerEntry(number, Duration.ofMillis(atMs), fault, LedgerEntry.Status.FIRED,
                List.of(new LedgerEntry.Hit(Duration.ofMillis(atMs), hit, incarnations.getOrDefault(hit, 0), "")), ""));
        return id;
    }

    void skipped(long atMs, Fault fault) {
        ledger.add(new LedgerEntry(ledger.size() + 1, Duration.ofMillis(atMs), fault, LedgerEntry.Status.SKIPPED, List.of(),
                "no live process at " + fault.target()));
    }

    long restart(long atMs, long cause, String supervisor, String child, String... group) {
        long id = next();
        events.add(new TraceEvent.RestartDecided(id, atMs * 1_000_000, cause(cause), process(supervisor), child, List.of(group)));
        return id;
    }

    long gaveUp(long atMs, long cause, String supervisor, String child, int intensity, int restarts) {
        long id = next();
        events.add(new TraceEvent.SupervisorGaveUp(id, atMs * 1_000_000, cause(cause), process(supervisor), child, intensity,
                Duration.ofSeconds(5), restarts, List.of()));
        return id;
    }

    long lost(long atMs, long cause, String in) {
        long id = next();
        events.add(new TraceEvent.MessageLost(id, atMs * 1_000_000, cause(cause), 1, process(in), ProcessId.outside(new Pid(1))));
        return id;
    }

    Runs endAt(long ms) {
        endMs = ms;
        return this;
    }

    CascadeRun run() {
        return new CascadeRun(new Trace(events, Map.of()), new FaultLedger(ledger), TreeOutline.of("root", spec),
                OptionalLong.of(7), 0, endMs * 1_000_000);
    }
}
