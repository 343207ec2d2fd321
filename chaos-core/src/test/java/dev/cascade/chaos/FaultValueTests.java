package dev.cascade.chaos;

import dev.cascade.chaos.Worker.Hop;
import dev.cascade.conformance.TestScheduler;
import dev.cascade.runtime.Tracing;
import dev.cascade.supervisor.SupervisorSpec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Values no fault, plan or tree accepts, refused as they are built, with the fault, the value and what would be valid. */
@ExtendWith(TestScheduler.Verify.class)
class FaultValueTests {
    private static final Duration MS = Duration.ofMillis(1);

    @Nested
    class Faults {

        @Test
        void a_target_must_be_a_tree_path() {
            assertThatThrownBy(() -> Fault.kill("root//w")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("kill target must be a tree path like root/app/cache (ids joined by /) but was \"root//w\"");
            assertThatThrownBy(() -> Fault.raise("root/a b", "boom"))
                    .hasMessage("raise target must be a tree path like root/app/cache (ids joined by /) but was \"root/a b\"");
            assertThatThrownBy(() -> Fault.drop("root/a", "", MS))
                    .hasMessage("link fault to must be a tree path like root/app/cache (ids joined by /) but was \"\"");
            assertThatThrownBy(() -> Fault.slowerThanCallTimeout("root/w", "/root"))
                    .hasMessage("slower than call timeout caller must be a tree path like root/app/cache (ids joined by /) but"
                            + " was \"/root\"");
            assertThatThrownBy(() -> Fault.breachIntensity(null)).isInstanceOf(NullPointerException.class)
                    .hasMessage("intensity breach target");
        }

        @Test
        void a_raise_reason_must_be_one_word() {
            assertThatThrownBy(() -> Fault.raise("root/w", "two words"))
                    .hasMessage("raise reason must be a word like boom (letters, digits, _ : . -) but was \"two words\"");
        }

        @Test
        void durations_must_be_positive_where_zero_means_nothing() {
            assertThatThrownBy(() -> Fault.slowHandling("root/w", Duration.ZERO))
                    .hasMessage("slow handling delay must be > 0 but was 0");
            assertThatThrownBy(() -> Fault.slowHandling("root/w", MS).forDuration(Duration.ofMillis(-5)))
                    .hasMessage("slow handling window must be between 0 and 3153600000000 ms (36500 days) but was -5 ms");
            assertThatThrownBy(() -> Fault.slowStart("root/w", Duration.ofDays(40_000), 1))
                    .hasMessage("slow start delay must be between 0 and 3153600000000 ms (36500 days) but was 3456000000000 ms");
            assertThatThrownBy(() -> Fault.delay("root/a", "root/b", Duration.ZERO, MS))
                    .hasMessage("link delay must be > 0 but was 0");
            assertThatThrownBy(() -> Fault.reorder("root/a", "root/b", Duration.ZERO))
                    .hasMessage("link fault window must be > 0 but was 0");
            assertThatThrownBy(() -> Fault.flood("root/w", 3, Hop::new).atRate(Duration.ofMillis(-10)))
                    .hasMessage("flood interval must be between 0 and 3153600000000 ms (36500 days) but was -10 ms");
        }

        @Test
        void only_a_delay_fault_takes_a_delay() {
            assertThatThrownBy(() -> new Fault.LinkFault("root/a", "root/b", Fault.LinkEffect.DROP, Duration.ofMillis(5), MS))
                    .hasMessage("link delay must be 0 for a drop (only a delay fault delays) but was PT0.005S");
        }

        @Test
        void counts_must_be_at_least_one() {
            assertThatThrownBy(() -> Fault.slowHandling("root/w", MS).forMessages(0))
                    .hasMessage("slow handling on root/w: forMessages needs a count >= 1 but was 0");
            assertThatThrownBy(() -> Fault.flood("root/w", 0, Hop::new)).hasMessage("flood of root/w: count must be >= 1 but was 0");
            assertThatThrownBy(() -> new Fault.SlowerThanCallTimeout("root/w", null, 0))
                    .hasMessage("slower than call timeout on root/w: calls must be >= 1 but was 0");
        }

        @Test
        void start_attempts_count_from_1_and_at_least_one_is_needed() {
            assertThatThrownBy(() -> Fault.failingStart("root/w"))
                    .hasMessage("a start fault on root/w needs at least one start attempt (1 = the first start)");
            assertThatThrownBy(() -> Fault.slowStart("root/w", MS, 2, 0))
                    .hasMessage("start attempts of root/w count from 1 (the first start) but got 0");
        }

        @Test
        void start_attempts_are_kept_in_ascending_order_so_a_fault_describes_itself_the_same_on_every_run() {
            Fault.FailingStart fault = Fault.failingStart("root/w", 9, 3, 7, 1, 5, 3);

            assertThat(fault.attempts()).containsExactly(1, 3, 5, 7, 9);
            assertThat(fault.describe()).isEqualTo("failing start (init_failed) on root/w attempts [1, 3, 5, 7, 9]");
            assertThat(fault).isEqualTo(new Fault.FailingStart("root/w", fault.reason(), Set.of(5, 3, 9, 1, 7)));
            assertThatThrownBy(() -> fault.attempts().add(2)).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Nested
    class Plans {

        @Test
        void a_time_must_be_between_zero_and_a_century() {
            assertThatThrownBy(() -> FaultPlan.builder().at(Duration.ofSeconds(-1), Fault.kill("root/w")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the time of fault \"kill root/w\" must be between 0 and 3153600000000 ms (36500 days) but was -1000 ms"
                            + " (a plan's times count from when it is applied, >= 0)");
            assertThatThrownBy(() -> FaultPlan.empty().with(Duration.ofDays(36_501), Fault.kill("root/w")))
                    .hasMessageStartingWith("the time of fault \"kill root/w\" must be between 0 and 3153600000000 ms (36500 days) but was 3153686400000 ms");
        }

        @Test
        void a_plan_keeps_its_faults_in_time_order_and_equal_times_in_the_order_added() {
            Fault late = Fault.kill("root/a");
            Fault first = Fault.kill("root/b");
            Fault second = Fault.kill("root/c");
            FaultPlan plan = FaultPlan.builder().at(Duration.ofMillis(200), late)
                    .at(Duration.ofMillis(100), first).at(Duration.ofMillis(100), second).build();

            assertThat(plan.faults()).extracting(FaultPlan.Timed::fault).containsExactly(first, second, late);
            assertThat(plan.span()).isEqualTo(Duration.ofMillis(200));
        }
    }

    @Nested
    class ChaosTrees {

        @Test
        void a_tree_refuses_a_bad_root_id_and_a_negative_run() {
            assertThatThrownBy(() -> ChaosTree.builder(SupervisorSpec.oneForOne()).root("a/b"))
                    .hasMessage("the root id must match [A-Za-z0-9_.-]+ but was \"a/b\"");
            try (ChaosTree tree = ChaosTree.builder(SupervisorSpec.oneForOne()).scheduler(TestScheduler.create()).start()) {
                assertThatThrownBy(() -> tree.runFor(Duration.ofMillis(-1)))
                        .hasMessage("runFor needs a duration >= 0 but got PT-0.001S");
            }
        }

        @Test
        void an_untraced_tree_says_how_to_get_a_trace() {
            try (ChaosTree tree = ChaosTree.builder(SupervisorSpec.oneForOne()).scheduler(TestScheduler.create())
                    .tracing(Tracing.OFF).start()) {
                assertThatThrownBy(tree::trace).isInstanceOf(IllegalStateException.class)
                        .hasMessage("this chaos tree does not trace; build it with tracing(Tracing.ON) (the default)");
            }
        }
    }
}
