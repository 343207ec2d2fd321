package dev.cascade.scenario.internal;

import dev.cascade.chaos.FaultLedger;
import dev.cascade.chaos.LedgerEntry;
import dev.cascade.scenario.FaultOutcome;
import dev.cascade.scenario.Scenario;
import dev.cascade.chaos.FaultPlan;
import dev.cascade.trace.Accounting;
import dev.cascade.trace.Trace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The ledger and messages sections of an outcome, from the fault ledger and the trace of a run. */
final class Sections {
    private Sections() {}

    /** The ledger in the scenario's fault order: entry {@code i + 1} is fault {@code i} (they were planned in file order). */
    static List<FaultOutcome> ledger(Scenario scenario, FaultLedger ledger) {
        List<FaultOutcome> faults = new ArrayList<>();
        for (int i = 0; i < scenario.faults().size(); i++) {
            FaultPlan.Timed fault = scenario.faults().get(i);
            LedgerEntry entry = ledger.entry(i + 1);
            if (entry.status() == LedgerEntry.Status.FIRED) {
                List<FaultOutcome.Hit> hits = entry.hits().stream()
                        .map(hit -> new FaultOutcome.Hit(hit.at().toMillis(), hit.path(), hit.incarnation(), hit.detail()))
                        .toList();
                faults.add(new FaultOutcome(i, FaultSpelling.of(fault.fault()).spelling(), fault.fault().target(), FaultOutcome.Status.FIRED, hits, ""));
            } else {
                String why = entry.why().isEmpty() ? "the run ended before it applied" : entry.why();
                faults.add(skipped(i, fault, why));
            }
        }
        return faults;
    }

    /** Every fault skipped for {@code why} (the tree did not start). */
    static List<FaultOutcome> allSkipped(Scenario scenario, String why) {
        List<FaultOutcome> faults = new ArrayList<>();
        for (int i = 0; i < scenario.faults().size(); i++) {
            faults.add(skipped(i, scenario.faults().get(i), why));
        }
        return faults;
    }

    private static FaultOutcome skipped(int index, FaultPlan.Timed fault, String why) {
        return new FaultOutcome(index, FaultSpelling.of(fault.fault()).spelling(), fault.fault().target(), FaultOutcome.Status.SKIPPED, List.of(), why);
    }

    /** Every path of the scenario, in path order, with the messages sent to it (all incarnations together). */
    static Map<String, Accounting> messages(List<String> paths, Trace trace) {
        Map<String, Accounting> byPath = trace.accountingByPath();
        Map<String, Accounting> messages = new LinkedHashMap<>();
        for (String path : paths) {
            messages.put(path, byPath.getOrDefault(path, Accounting.ZERO));
        }
        return messages;
    }
}
