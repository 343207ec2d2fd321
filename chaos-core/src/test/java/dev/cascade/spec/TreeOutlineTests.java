package dev.cascade.spec;

import dev.cascade.dynamic.DynamicSupervisorSpec;
import dev.cascade.spec.plan.FaultKind;
import dev.cascade.spec.plan.PlanGenerator;
import dev.cascade.spec.plan.PlanSpace;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.Restart;
import dev.cascade.supervisor.Strategy;
import dev.cascade.supervisor.SupervisorSpec;
import dev.cascade.trace.TreeShape;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outline specifications read and the shape a trace carries are one view of the tree: they agree
 * on every path, and a supervisor a user's function starts (a DynamicSupervisor child) is a
 * supervisor in both, with settings and children not known.
 */
class TreeOutlineTests {
    private static final java.util.function.Supplier<dev.cascade.genserver.GenServer<?>> NEVER_STARTED = () -> null;
    private static final SupervisorSpec SPEC = SupervisorSpec.oneForAll().withIntensity(2, Duration.ofSeconds(3))
            .withChild(ChildSpec.worker("db", NEVER_STARTED).withRestart(Restart.TRANSIENT))
            .withChild(ChildSpec.dynamicSupervisor("sessions", DynamicSupervisorSpec.DEFAULT))
            .withChild(ChildSpec.supervisor("app", SupervisorSpec.oneForOne().withChild(ChildSpec.worker("cache", NEVER_STARTED))));

    @Test
    void every_path_is_a_supervisor_in_the_outline_exactly_when_the_trace_shape_says_so() {
        TreeOutline outline = TreeOutline.of("root", SPEC);
        TreeShape shape = TreeShape.of("root", SPEC);

        assertThat(outline.paths()).isEqualTo(shape.paths())
                .containsExactly("root", "root/db", "root/sessions", "root/app", "root/app/cache");
        for (String path : shape.paths()) {
            assertThat(outline.node(path).orElseThrow().supervisor()).as(path).isEqualTo(shape.isSupervisor(path));
            assertThat(outline.node(path).orElseThrow().shape()).as(path).isEqualTo(shape.node(path).orElseThrow());
        }
    }

    @Test
    void a_supervisor_a_users_function_starts_has_no_known_settings_nor_children() {
        TreeOutline.Node sessions = TreeOutline.of("root", SPEC).node("root/sessions").orElseThrow();

        assertThat(sessions.supervisor()).isTrue();
        assertThat(sessions.settings()).isEmpty();
        assertThat(sessions.children()).isEmpty();
        assertThat(sessions.parent()).contains("root");
        assertThat(sessions.restart()).isEqualTo(Restart.PERMANENT);
    }

    @Test
    void a_known_supervisor_has_its_settings_and_children_in_start_order_and_the_root_is_permanent() {
        TreeOutline outline = TreeOutline.of("root", SPEC);
        TreeOutline.Node root = outline.node("root").orElseThrow();

        assertThat(root.parent()).isEmpty();
        assertThat(root.restart()).isEqualTo(Restart.PERMANENT);
        assertThat(root.children()).containsExactly("root/db", "root/sessions", "root/app");
        assertThat(root.settings()).hasValueSatisfying(settings -> {
            assertThat(settings.strategy()).isEqualTo(Strategy.ONE_FOR_ALL);
            assertThat(settings.intensity()).isEqualTo(2);
            assertThat(settings.period()).isEqualTo(Duration.ofSeconds(3));
        });
        assertThat(outline.node("root/db").orElseThrow().restart()).isEqualTo(Restart.TRANSIENT);
        assertThat(outline.node("root/app/cache").orElseThrow().parent()).contains("root/app");
    }

    @Test
    void generated_plans_never_raise_in_a_supervisor_a_users_function_starts_which_runs_no_handler_of_yours() {
        PlanGenerator plans = new PlanGenerator(PlanSpace.over(TreeOutline.of("root", SPEC)).kinds(Set.of(FaultKind.CRASH))
                .maxFaults(4).horizon(Duration.ofMillis(100)));
        Random random = new Random(3);
        for (int i = 0; i < 300; i++) {
            assertThat(plans.draw(random).plan().faults()).extracting(timed -> timed.fault().target())
                    .allMatch(target -> List.of("root/db", "root/app/cache").contains(target));
        }
    }
}
