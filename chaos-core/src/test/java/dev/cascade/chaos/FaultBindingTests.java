package dev.cascade.chaos;

import dev.cascade.chaos.Worker.Hop;
import dev.cascade.chaos.Worker.Journal;
import dev.cascade.conformance.TestScheduler;
import dev.cascade.runtime.ExitReason;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.Restart;
import dev.cascade.supervisor.SupervisorSpec;
import dev.cascade.trace.TraceEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Faults that cannot apply to the tree are refused when injected or applied, before anything runs:
 * the message names the fault, the value, and what would be valid, and the ledger stays as it was.
 */
@ExtendWith(TestScheduler.Verify.class)
class FaultBindingTests {
    private static final String PATHS = "(paths: root, root/w, root/t, root/strict, root/strict/x)";

    private final Journal journal = new Journal();
    private ChaosTree tree;

    @BeforeEach
    void start() {
        SupervisorSpec strict = SupervisorSpec.oneForOne().withIntensity(0, Duration.ofSeconds(5))
                .withChild(ChildSpec.worker("x", () -> new Worker(journal)));
        tree = Trees.start(SupervisorSpec.oneForOne().withIntensity(3, Duration.ofSeconds(5))
                .withChild(ChildSpec.worker("w", () -> new Worker(journal)))
                .withChild(ChildSpec.worker("t", () -> new Worker(journal)).withRestart(Restart.TEMPORARY))
                .withChild(ChildSpec.supervisor("strict", strict)));
    }

    @AfterEach
    void close() {
        tree.close();
    }

    /** Injecting {@code fault} throws {@code message}, and nothing was planned, fired or restarted. */
    private void refused(Fault fault, String message) {
        int planned = tree.ledger().entries().size();
        assertThatThrownBy(() -> tree.inject(fault)).isInstanceOf(FaultPlanException.class).hasMessage(message);
        assertThatThrownBy(() -> tree.apply(FaultPlan.now(fault))).isInstanceOf(FaultPlanException.class).hasMessage(message);
        tree.runFor(Duration.ofMillis(20));
        assertThat(tree.ledger().entries()).hasSize(planned);
        assertThat(tree.incarnations("root/w")).isEqualTo(1);
        assertThat(tree.incarnations("root/strict")).isEqualTo(1);
    }

    @Test
    void a_path_the_tree_does_not_have_is_refused_with_the_paths_it_has() {
        refused(Fault.raise("root/nope", "boom"), "fault \"raise boom on root/nope\": the tree has no path root/nope " + PATHS);
        refused(Fault.kill("other/w"), "fault \"kill other/w\": the tree has no path other/w " + PATHS);
        refused(Fault.drop("root/nope", "root/w", Duration.ofSeconds(1)),
                "fault \"drop messages root/nope → root/w for 1000 ms\": the tree has no path root/nope " + PATHS);
        refused(Fault.slowerThanCallTimeout("root/w", "root/nope"),
                "fault \"calls to root/w from root/nope outlast their timeout (1 call)\": the tree has no path root/nope " + PATHS);
    }

    @Test
    void raise_and_stop_on_a_supervisor_are_refused_pointing_to_kill_or_an_exit_signal() {
        refused(Fault.raise("root/strict", "boom"), "fault \"raise boom on root/strict\": root/strict is a supervisor, and a"
                + " supervisor runs no handler of yours to raise or stop in; use Fault.kill or Fault.exitSignal for a supervisor");
        refused(Fault.raise("root", "boom"), "fault \"raise boom on root\": root is a supervisor, and a supervisor runs no"
                + " handler of yours to raise or stop in; use Fault.kill or Fault.exitSignal for a supervisor");
        refused(Fault.stop("root/strict", ExitReason.shutdown()), "fault \"stop shutdown on root/strict\": root/strict is a"
                + " supervisor, and a supervisor runs no handler of yours to raise or stop in; use Fault.exitSignal for a supervisor");
    }

    @Test
    void start_faults_on_the_root_are_refused_since_it_starts_before_any_plan() {
        String why = "root is the root, which is started once, before any plan applies; target a child path";
        refused(Fault.slowStart("root", Duration.ofMillis(10), 1), "fault \"slow start +10 ms on root attempts [1]\": " + why);
        refused(Fault.failingStart("root", 2), "fault \"failing start (init_failed) on root attempts [2]\": " + why);
    }

    @Test
    void a_flood_of_a_path_without_a_live_process_is_refused() {
        tree.inject(Fault.kill("root/t"));
        Trees.await(tree, "root/t to end", () -> tree.whereis("root/t").isEmpty());

        refused(Fault.flood("root/t", 3, Hop::new), "fault \"flood 3 messages to root/t at once\": root/t has no live process"
                + " now (a temporary child that ended, a child that is restarting, or a subtree whose supervisor gave up);"
                + " a flood needs a receiver: target a live path");
        assertThat(tree.ledger().entries()).hasSize(1);
    }

    @Test
    void a_link_fault_from_a_path_to_itself_is_refused() {
        refused(Fault.reorder("root/w", "root/w", Duration.ofMillis(100)), "fault \"reorder messages root/w → root/w for"
                + " 100 ms\": from and to are both root/w; a link fault needs two different paths");
    }

    @Test
    void an_intensity_breach_is_refused_on_the_root_on_a_temporary_child_and_under_intensity_0() {
        refused(Fault.breachIntensity("root"), "fault \"intensity breach on root\": root is the root: no supervisor above it"
                + " counts its restarts; target a child path");
        refused(Fault.breachIntensity("root/t"), "fault \"intensity breach on root/t\": root/t is temporary: its supervisor"
                + " never restarts it, so no failures of it can breach the intensity; target a permanent or transient child");
        refused(Fault.breachIntensity("root/strict/x"), "fault \"intensity breach on root/strict/x\": the supervisor of"
                + " root/strict/x has intensity 0: it tolerates no restart in any window, so there is no limit to breach (its"
                + " first failure already ends it); use Fault.kill");
    }

    @Test
    void a_plan_with_one_fault_that_cannot_apply_runs_none_of_its_faults() {
        FaultPlan plan = FaultPlan.builder()
                .at(Duration.ZERO, Fault.kill("root/w"))
                .at(Duration.ofMillis(10), Fault.raise("root/strict", "boom"))
                .build();

        assertThatThrownBy(() -> tree.apply(plan)).isInstanceOf(FaultPlanException.class)
                .hasMessageStartingWith("fault \"raise boom on root/strict\": root/strict is a supervisor");
        tree.runFor(Duration.ofMillis(100));

        assertThat(tree.ledger().entries()).isEmpty();
        assertThat(tree.incarnations("root/w")).isEqualTo(1);
        assertThat(tree.trace().events(TraceEvent.FaultFired.class)).isEmpty();
        assertThat(Trees.exits(tree.trace(), "root/w")).isEmpty();
    }
}
