package dev.cascade.scenario.internal;

import dev.cascade.chaos.FaultLedger;
import dev.cascade.chaos.FaultPlan;
import dev.cascade.chaos.LedgerEntry;
import dev.cascade.scenario.FaultOutcome;
import dev.cascade.scenario.Scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** The ledger section of an outcome, from the fault ledger of a run. Not API. */
public final class Sections {
    private Sections() {}

    /**
     * The ledger in the scenario's fault order. The run's ledger numbers the faults in plan order (by
     * time; equal times in file order), so fault {@code i} of the file is entry {@code number[i]}.
     */
    public static List<FaultOutcome> ledger(Scenario scenario, FaultLedger ledger) {
        List<FaultPlan.Timed> faults = scenario.faults();
        List<Integer> planOrder = IntStream.range(0, faults.size()).boxed()
                .sorted(Comparator.comparing(i -> faults.get(i).at())).toList(); // stable: as FaultPlan orders them
        int[] number = new int[faults.size()];
        for (int k = 0; k < planOrder.size(); k++) {
            number[planOrder.get(k)] = k + 1;
        }
        List<FaultOutcome> section = new ArrayList<>();
        for (int i = 0; i < faults.size(); i++) {
            FaultPlan.Timed fault = faults.get(i);
            String kind = FaultSpelling.of(fault.fault()).spelling();
            LedgerEntry entry = ledger.entry(number[i]);
            if (entry.status() == LedgerEntry.Status.FIRED) {
                List<FaultOutcome.Hit> hits = entry.hits().stream()
                        .map(hit -> new FaultOutcome.Hit(hit.at().toMillis(), hit.path(), hit.incarnation(), hit.detail()))
                        .toList();
                section.add(new FaultOutcome(i, kind, fault.fault().target(), FaultOutcome.Status.FIRED, hits, ""));
            } else {
                String why = entry.why().isEmpty() ? "the run ended before it applied" : entry.why();
                section.add(new FaultOutcome(i, kind, fault.fault().target(), FaultOutcome.Status.SKIPPED, List.of(), why));
            }
        }
        return section;
    }
}
