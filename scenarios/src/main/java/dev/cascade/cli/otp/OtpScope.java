package dev.cascade.cli.otp;

import dev.cascade.runtime.MailboxLimit;
import dev.cascade.scenario.FaultKind;
import dev.cascade.scenario.Scenario;
import dev.cascade.scenario.ScenarioFault;
import dev.cascade.scenario.ScenarioFormatException;
import dev.cascade.scenario.ScenarioNode;
import dev.cascade.scenario.SupervisorNode;
import dev.cascade.scenario.WorkerNode;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What of the format the OTP harness runs: the original contract plus the fault kinds OTP can
 * express ({@code kill}, {@code slow_start}, {@code failing_start}: a sleep or a failure before a
 * start's init). The other additions (worker knobs {@code handling_ms}, {@code mailbox},
 * {@code sends}, and the message and intensity fault kinds) are refused at their location, never
 * ignored.
 */
final class OtpScope {
    static final Set<FaultKind> KINDS = EnumSet.of(FaultKind.RAISE, FaultKind.STOP, FaultKind.EXIT_SIGNAL, FaultKind.KILL,
            FaultKind.SLOW_START, FaultKind.FAILING_START);
    private static final String WHY = "cascade otp runs scenarios on real OTP supervisors and gen_servers, which have no"
            + " counterpart for this Cascade addition; leave it out of files meant for the cross-check";

    private OtpScope() {}

    /** Throws {@link ScenarioFormatException} at the first part of {@code scenario} that OTP cannot run. */
    static void check(Scenario scenario) {
        node(scenario.tree(), "tree");
        List<ScenarioFault> faults = scenario.faults();
        for (int i = 0; i < faults.size(); i++) {
            FaultKind kind = faults.get(i).kind();
            if (!KINDS.contains(kind)) {
                throw new ScenarioFormatException("faults[" + i + "].kind", "\"" + kind.name().toLowerCase(Locale.ROOT)
                        + "\" is not one of raise, stop, exit_signal, kill, slow_start, failing_start: " + WHY);
            }
        }
    }

    private static void node(ScenarioNode node, String at) {
        switch (node) {
            case SupervisorNode supervisor -> {
                for (int i = 0; i < supervisor.children().size(); i++) {
                    node(supervisor.children().get(i), at + ".children[" + i + "]");
                }
            }
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
