package dev.cascade.catalog;

import dev.cascade.runtime.ExitReason;
import dev.cascade.spec.CascadeRun;
import dev.cascade.spec.TreeOutline;
import dev.cascade.spec.Verdict;
import dev.cascade.trace.Accounting;
import dev.cascade.trace.TraceEvent;

import java.util.List;
import java.util.OptionalLong;

/** The catalog's own checks, beside the built-in specs of {@code dev.cascade.spec}. */
final class Checks {
    private Checks() {}

    /** {@code path} has a live process at the end of the run. */
    static CatalogCheck aliveAtEnd(String path) {
        String name = "aliveAtEnd(" + path + ")";
        return CatalogCheck.of(name, catalogRun -> {
            CascadeRun run = catalogRun.spec();
            List<TraceEvent.Started> starts = run.trace().events(TraceEvent.Started.class).stream()
                    .filter(started -> started.process().isAt(path)).toList();
            if (starts.isEmpty()) {
                return fail(name, run, path + " never started", List.of());
            }
            TraceEvent.Started last = starts.getLast();
            List<TraceEvent.Exited> ended = run.trace().events(TraceEvent.Exited.class).stream()
                    .filter(exited -> exited.process().pid().equals(last.process().pid())).toList();
            return ended.isEmpty() ? new Verdict.Pass(name)
                    : fail(name, run, path + " ended (" + ended.getFirst().reason() + ") and nothing started it again", ended);
        });
    }

    /** No process under {@code path} ends because one of its calls failed (timed out, or its callee died). */
    static CatalogCheck noFailedCalls(String path) {
        String name = "noFailedCalls(" + path + ")";
        return CatalogCheck.of(name, catalogRun -> {
            CascadeRun run = catalogRun.spec();
            List<TraceEvent.Exited> failed = run.trace().events(TraceEvent.Exited.class).stream()
                    .filter(exited -> exited.reason() instanceof ExitReason.CallFailed)
                    .filter(exited -> exited.process().path().filter(p -> TreeOutline.isUnder(p, path)).isPresent())
                    .toList();
            return failed.isEmpty() ? new Verdict.Pass(name)
                    : fail(name, run, failed.size() + " process(es) under " + path + " ended because a call failed (first: "
                    + failed.getFirst().describe() + ")", failed);
        });
    }

    /** At most {@code limit} messages wait in {@code path}'s mailbox when the run ends. */
    static CatalogCheck backlogAtMost(String path, long limit) {
        String name = "backlogAtMost(" + path + ", " + limit + ")";
        return CatalogCheck.of(name, catalogRun -> {
            CascadeRun run = catalogRun.spec();
            Accounting counted = run.trace().accountingByPath().getOrDefault(path, Accounting.ZERO);
            return counted.queued() <= limit ? new Verdict.Pass(name)
                    : fail(name, run, counted.queued() + " messages wait in " + path + "'s mailbox at the end (limit " + limit
                    + "; " + counted + "): nothing bounds it, so memory grows with the flood", List.of());
        });
    }

    /**
     * {@code dependent} never sends to an old incarnation of {@code partner} once a newer one has
     * started: it does not hold a stale partner. Inconclusive when {@code partner} was never restarted.
     */
    static CatalogCheck noStalePartner(String partner, String dependent) {
        String name = "noStalePartner(" + partner + ", " + dependent + ")";
        return CatalogCheck.of(name, catalogRun -> {
            CascadeRun run = catalogRun.spec();
            if (StaleSends.incarnations(run, partner) <= 1) {
                return new Verdict.Inconclusive(name, partner + " was never restarted, so no partner of " + dependent + " went stale");
            }
            List<StaleSends.Stale> stale = StaleSends.of(run, dependent, partner);
            return stale.isEmpty() ? new Verdict.Pass(name)
                    : fail(name, run, dependent + " sent " + stale.size() + " message(s) to " + stale.getFirst().partner() + " after a newer "
                    + partner + " had started (the first " + StaleSends.ms(run, stale.getFirst().sent()) + " ms after the tree started): "
                    + "it holds the pid of a partner that is gone, and each message was dropped",
                    stale.stream().map(StaleSends.Stale::sent).toList());
        });
    }

    /** No process outside the tree's supervision (no path of its own) ends abnormally: such a crash is noticed by no one. */
    static CatalogCheck noUnsupervisedCrash() {
        String name = "noUnsupervisedCrash()";
        return CatalogCheck.of(name, catalogRun -> {
            CascadeRun run = catalogRun.spec();
            List<TraceEvent.Exited> crashed = run.trace().events(TraceEvent.Exited.class).stream()
                    .filter(exited -> exited.process().path().isEmpty() && !normal(exited.reason()))
                    .toList();
            return crashed.isEmpty() ? new Verdict.Pass(name)
                    : fail(name, run, crashed.size() + " process(es) outside any supervisor crashed (first: " + crashed.getFirst().describe()
                    + "): no supervisor saw it, nothing restarted it, and its work is lost", crashed);
        });
    }

    private static boolean normal(ExitReason reason) {
        return reason instanceof ExitReason.Normal || reason instanceof ExitReason.Shutdown || reason instanceof ExitReason.ShutdownWith;
    }

    /**
     * At no moment do more than {@code limit} processes started by the tree's processes (outside its
     * static children: bare spawns and dynamic children) live at once.
     */
    static CatalogCheck peakStartedAtMost(int limit) {
        String name = "peakStartedAtMost(" + limit + ")";
        return CatalogCheck.of(name, catalogRun -> {
            CascadeRun run = catalogRun.spec();
            Peak peak = peakStarted(run);
            return peak.count() <= limit ? new Verdict.Pass(name)
                    : fail(name, run, peak.count() + " processes started by the tree lived at once (limit " + limit + "): nothing bounds "
                    + "how many requests run together, so a burst becomes as many processes, each holding memory and a backend "
                    + "connection", peak.at());
        });
    }

    /** The most processes started by the tree's processes outside its static children alive at once, and the event that reached it. */
    record Peak(int count, List<TraceEvent> at) {}

    static Peak peakStarted(CascadeRun run) {
        java.util.Set<dev.cascade.runtime.Pid> inTree = new java.util.HashSet<>();
        java.util.Set<dev.cascade.runtime.Pid> live = new java.util.HashSet<>();
        int peak = 0;
        TraceEvent atPeak = null;
        for (TraceEvent event : run.trace().events()) {
            switch (event) {
                case TraceEvent.Spawned spawned -> {
                    boolean staticChild = spawned.process().path().filter(path -> run.tree().node(path).isPresent()).isPresent();
                    if (spawned.process().path().isPresent()) {
                        inTree.add(spawned.process().pid());
                    }
                    if (!staticChild && spawned.parent().filter(inTree::contains).isPresent()) {
                        inTree.add(spawned.process().pid());
                        live.add(spawned.process().pid());
                        if (live.size() > peak) {
                            peak = live.size();
                            atPeak = event;
                        }
                    }
                }
                case TraceEvent.Exited exited -> live.remove(exited.process().pid());
                default -> { }
            }
        }
        return new Peak(peak, atPeak == null ? List.of() : List.of(atPeak));
    }

    /** At most {@code limit} calls time out: one slow request delays its own caller, not the ones queued behind it. */
    static CatalogCheck timedOutCallsAtMost(int limit) {
        String name = "timedOutCallsAtMost(" + limit + ")";
        return CatalogCheck.of(name, catalogRun -> {
            CascadeRun run = catalogRun.spec();
            List<TraceEvent.CallTimedOut> timedOut = run.trace().events(TraceEvent.CallTimedOut.class);
            return timedOut.size() <= limit ? new Verdict.Pass(name)
                    : fail(name, run, timedOut.size() + " calls timed out (limit " + limit + "; first: " + timedOut.getFirst().describe()
                    + "): the callers queued behind a blocked handler wait for a request that is not theirs", timedOut);
        });
    }

    /** Inconclusive unless every fault of the run fired: a run whose fault never hit proves nothing. */
    static CatalogCheck faultsFired() {
        String name = "faultsFired()";
        return CatalogCheck.of(name, run -> run.spec().ledger().fired().size() == run.spec().ledger().entries().size()
                ? new Verdict.Pass(name)
                : new Verdict.Inconclusive(name, "a fault never fired: " + run.spec().ledger()));
    }

    /** The simulation found no wait-for cycle of calls. */
    static CatalogCheck noDeadlock() {
        String name = "noDeadlock()";
        return CatalogCheck.of(name, run -> run.deadlocks().isEmpty() ? new Verdict.Pass(name)
                : new Verdict.Fail(name, run.deadlocks().getFirst().describe(), List.of(), "", run.spec().seed()));
    }

    static Verdict fail(String name, CascadeRun run, String what, List<? extends TraceEvent> events) {
        String explanation = events.isEmpty() ? "" : run.trace().explain(events.getFirst()).text();
        OptionalLong seed = run.seed();
        return new Verdict.Fail(name, what, events.stream().map(TraceEvent::id).toList(), explanation, seed);
    }
}
