package dev.cascade.junit.property;

import dev.cascade.spec.plan.FaultKind;
import dev.cascade.chaos.Fault;
import dev.cascade.junit.FaultPlan;
import dev.cascade.junit.FaultPlans;
import dev.cascade.junit.property.fixtures.Server;
import dev.cascade.junit.property.fixtures.Trees;
import dev.cascade.supervisor.SupervisorSpec;
import dev.cascade.spec.CascadeSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What FaultPlans draws: faults that apply to their targets, within the limits, with the edge cases. */
class FaultPlansTests {
    private static List<FaultPlan> draw(FaultPlans plans, int count) {
        return plans.sampleStream().limit(count).toList();
    }

    @Test
    void every_drawn_plan_applies_to_the_tree_and_stays_within_max_faults_horizon_and_targets() {
        FaultPlans plans = FaultPlans.forTree(Trees.plantedPayments()).targeting("root/gateway").maxFaults(8)
                .horizon(Duration.ofMillis(300));

        for (FaultPlan plan : draw(plans, 300)) {
            assertThat(plan.faults().faults()).hasSizeBetween(1, 8).allSatisfy(timed -> {
                assertThat(timed.at()).isLessThanOrEqualTo(Duration.ofMillis(300));
                assertThat(timed.fault().target()).startsWith("root/gateway");
            });
            // the engine rejects a fault that cannot apply to its target: every drawn plan runs
            CascadeSpec.rootSurvives().check(plan.trial().run(Trees.plantedPayments(), Duration.ofSeconds(1)));
        }
    }

    @Test
    void the_edge_cases_come_up_a_breach_a_fault_on_a_supervisor_and_two_faults_at_one_instant() {
        List<FaultPlan> plans = draw(FaultPlans.forTree(Trees.plantedPayments()).maxFaults(3), 400);

        assertThat(plans).anySatisfy(plan -> assertThat(plan.faults().faults())
                .anySatisfy(timed -> assertThat(timed.fault()).isInstanceOf(Fault.IntensityBreach.class)));
        assertThat(plans).anySatisfy(plan -> assertThat(plan.faults().faults())
                .anySatisfy(timed -> assertThat(timed.fault()).isEqualTo(Fault.kill("root/gateway"))));
        assertThat(plans).anySatisfy(plan -> {
            assertThat(plan.faults().faults()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(plan.faults().faults().get(0).at()).isEqualTo(plan.faults().faults().get(1).at());
        });
        assertThat(plans).extracting(FaultPlan::seed).doesNotHaveDuplicates().hasSizeGreaterThan(300);
    }

    @Test
    void only_the_chosen_kinds_are_drawn() {
        assertThat(draw(FaultPlans.forTree(Trees.shop()).kinds(FaultKind.SLOW_START), 100))
                .allSatisfy(plan -> assertThat(plan.faults().faults())
                        .allSatisfy(timed -> assertThat(timed.fault()).isInstanceOf(Fault.SlowStart.class)));
    }

    @Test
    void a_target_outside_the_tree_and_kinds_that_fit_no_target_are_refused_with_what_to_do() {
        assertThatThrownBy(() -> FaultPlans.forTree(Trees.shop()).targeting("root/dbx"))
                .hasMessage("targeting(\"root/dbx\"): not a path of the tree (paths: root, root/db, root/cache, root/api)");
        SupervisorSpec oneWorker = SupervisorSpec.oneForOne().withChild(Server.worker("only"));
        assertThatThrownBy(() -> draw(FaultPlans.forTree(oneWorker).kinds(FaultKind.LINK), 1))
                .hasMessage("no fault of kinds [LINK] can target [root, root/only] (crashes, stops and floods need a worker;"
                        + " start faults and breaches a path below the root; link faults two workers): widen targeting(…) or kinds(…)");
    }

    @Test
    void a_sample_prints_its_steps_and_seed() {
        FaultPlan plan = new FaultPlan(dev.cascade.chaos.FaultPlan.builder()
                .at(Duration.ofMillis(100), Fault.raise("root/db", "boom")).build(), 42);
        assertThat(plan).hasToString("raise boom on root/db @100ms; seed=42");
    }
}
