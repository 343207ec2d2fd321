package dev.cascade.chaos;

import dev.cascade.chaos.Worker.Journal;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.Restart;
import dev.cascade.supervisor.SupervisorSpec;
import dev.cascade.conformance.TestScheduler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link Fault#optional()}: the same fault, marked in the ledger as allowed not to fire. */
@ExtendWith(TestScheduler.Verify.class)
class OptionalFaultTests {
    private final Journal journal = new Journal();

    private ChaosTree start() {
        return Trees.start(SupervisorSpec.oneForOne().withIntensity(10, Duration.ofSeconds(5))
                .withChild(ChildSpec.worker("w", () -> new Worker(journal)))
                .withChild(ChildSpec.worker("t", () -> new Worker(journal)).withRestart(Restart.TEMPORARY)));
    }

    @Test
    void an_optional_fault_acts_as_its_fault_and_the_ledger_keeps_it_marked() {
        try (ChaosTree tree = start()) {
            tree.inject(Fault.kill("root/w").optional());
            Trees.awaitIncarnations(tree, "root/w", 2);

            LedgerEntry entry = tree.ledger().entry(1);
            assertThat(entry.status()).isEqualTo(LedgerEntry.Status.FIRED);
            assertThat(entry.fault()).isEqualTo(new Fault.OptionalFault(Fault.kill("root/w")));
            assertThat(entry.fault().describe()).isEqualTo("kill root/w (optional)");
        }
    }

    @Test
    void a_skipped_optional_fault_is_skipped_like_any_other() {
        try (ChaosTree tree = start()) {
            tree.inject(Fault.kill("root/t"));
            tree.inject(Fault.raise("root/t", "boom").optional());

            assertThat(tree.ledger().entry(2).status()).isEqualTo(LedgerEntry.Status.SKIPPED);
        }
    }

    @Test
    void optional_twice_is_optional_once_and_binding_checks_the_fault_inside() {
        assertThat(Fault.kill("root/w").optional().optional()).isEqualTo(Fault.kill("root/w").optional());
        try (ChaosTree tree = start()) {
            assertThatThrownBy(() -> tree.inject(Fault.kill("root/nope").optional()))
                    .isInstanceOf(FaultPlanException.class).hasMessageContaining("root/nope");
        }
    }
}
