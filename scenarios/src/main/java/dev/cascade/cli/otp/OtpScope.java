package dev.cascade.cli.otp;

import dev.cascade.runtime.MailboxLimit;
import dev.cascade.chaos.Fault;
import dev.cascade.scenario.internal.FaultSpelling;
import dev.cascade.chaos.FaultPlan;
import dev.cascade.scenario.DynamicSupervisorNode;
import dev.cascade.scenario.Scenario;
import dev.cascade.scenario.ScenarioFormatException;
import dev.cascade.scenario.ScenarioNode;
import dev.cascade.scenario.SupervisorNode;
import dev.cascade.scenario.WorkerNode;

import java.util.List;
import java.util.Set;

/**
 * What of the format the OTP harness runs: the original contract plus the fault kinds OTP can
 * express ({@code kill}, {@code slow_start}, {@code failing_start}: a sleep or a failure before a
 * start's init) and the worker knob {@code continue_ms} ({@code {continue, …}} from init, the
 * work in {@code handle_continue}). The other additions (worker knobs {@code handling_ms},
 * {@code mailbox}, {@code sends}, dynamic supervisors, and the message and intensity fault kinds)
 * are refused at their location, never
 * ignored.
 */
final class OtpScope {
    /** The file kinds the harness runs. */
    static final Set<String> KINDS = Set.of("raise", "stop", "exit_signal", "kill", "slow_start", "failing_start");
    private static final String WHY = "cascade otp runs scenarios on real OTP supervisors and gen_servers, which have no"
            + " counterpart for this Cascade addition; leave it out of files meant for the cross-check";

    private OtpScope() {}

    /** Throws {@link ScenarioFormatException} at the first part of {@code scenario} that OTP cannot run. */
    static void check(Scenario scenario) {
        node(scenario.tree(), "tree");
        List<FaultPlan.Timed> faults = scenario.faults();
        for (int i = 0; i < faults.size(); i++) {
            String kind = kind(faults.get(i).fault());
            if (!KINDS.contains(kind)) {
                throw new ScenarioFormatException("faults[" + i + "].kind", "\"" + kind
                        + "\" is not one of raise, stop, exit_signal, kill, slow_start, failing_start: " + WHY);
            }
        }
    }

    /** The scenario file's word for {@code fault}'s kind (the faults of a scenario file all have one). */
    static String kind(Fault fault) {
        return FaultSpelling.of(fault).spelling();
    }
    private static void node(ScenarioNode node, String at) {
        switch (node) {
            case SupervisorNode supervisor -> {
                for (int i = 0; i < supervisor.children().size(); i++) {
                    node(supervisor.children().get(i), at + ".children[" + i + "]");
                }
            }
            case DynamicSupervisorNode dynamic -> throw new ScenarioFormatException(at + ".supervisor",
                    "a dynamic supervisor (\"supervisor\": \"dynamic\", Elixir's DynamicSupervisor): " + WHY);
            case WorkerNode worker -> {
                if (!worker.handling().isZero()) {
                    throw new ScenarioFormatException(at + ".handling_ms", WHY);
                }
                if (!worker.mailbox().equals(MailboxLimit.UNBOUNDED)) {
                    throw new ScenarioFormatException(at + ".mailbox", "a bounded mailbox: " + WHY);
                }
                if (!worker.sends().isEmpty()) {
                    throw new ScenarioFormatException(at + ".sends", WHY);
                }
            }
        }
    }
}
