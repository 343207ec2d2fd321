package dev.cascade.spec.plan;

import dev.cascade.chaos.Fault;
import dev.cascade.spec.TreeOutline;
import dev.cascade.spec.Trial;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.SupervisorSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlanGeneratorTests {
    private static final java.util.function.Supplier<dev.cascade.genserver.GenServer<?>> NEVER_STARTED = () -> null;
    private static final TreeOutline TREE = TreeOutline.of("root", SupervisorSpec.oneForOne()
            .withChild(ChildSpec.worker("db", NEVER_STARTED))
            .withChild(ChildSpec.supervisor("app", SupervisorSpec.oneForOne().withChild(ChildSpec.worker("cache", NEVER_STARTED)))));

    @Test
    void the_same_random_state_draws_the_same_trial_and_another_state_another() {
        PlanGenerator plans = new PlanGenerator(PlanSpace.over(TREE).maxFaults(8));
        assertThat(plans.draw(new Random(5))).isEqualTo(plans.draw(new Random(5)));
        assertThat(plans.draw(new Random(5))).isNotEqualTo(plans.draw(new Random(6)));
    }

    @Test
    void drawn_plans_keep_to_the_kinds_targets_count_and_horizon_of_the_space() {
        PlanGenerator plans = new PlanGenerator(PlanSpace.over(TREE).kinds(Set.of(FaultKind.CRASH)).maxFaults(3)
                .horizon(Duration.ofMillis(200)).targets(List.of("root/app", "root/app/cache")));
        Random random = new Random(1);
        for (int i = 0; i < 500; i++) {
            Trial trial = plans.draw(random);
            assertThat(trial.plan().faults()).hasSizeBetween(1, 3).allSatisfy(timed -> {
                assertThat(timed.fault()).isEqualTo(Fault.raise("root/app/cache", "boom"));
                assertThat(timed.at()).isBetween(Duration.ZERO, Duration.ofMillis(200));
            });
            assertThat(trial.seed()).isBetween(0L, 999_999L);
        }
    }

    @Test
    void a_space_where_no_kind_can_target_anything_is_refused_saying_what_to_widen() {
        assertThatThrownBy(() -> new PlanGenerator(PlanSpace.over(TREE).kinds(Set.of(FaultKind.CRASH)).targets(List.of("root/app"))))
                .hasMessageStartingWith("no fault of kinds [CRASH] can target [root/app]")
                .hasMessageEndingWith("widen targeting(…) or kinds(…)");
    }
}
