package dev.cascade.spec;

import dev.cascade.chaos.Fault;
import dev.cascade.chaos.FaultPlan;
import dev.cascade.supervisor.SupervisorSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The built-in specs on real simulated runs of chaos trees. */
class SimulatedRunTests {
    private static final SupervisorSpec PAYMENTS = Planted.payments();
    private static final Duration SETTLE = Duration.ofSeconds(2);

    private static CascadeRun run(FaultPlan plan) {
        return new Trial(plan, 3).run(PAYMENTS, SETTLE);
    }

    @Test
    void one_crash_under_the_gateway_stays_inside_it_by_its_one_for_one_strategy() {
        CascadeRun run = run(FaultPlan.now(Fault.raise("root/gateway/auth", "boom")));

        assertThat(CascadeSpec.allOf(CascadeSpec.isolation("root/gateway", "root/ledger"), CascadeSpec.containedByStrategy(),
                CascadeSpec.rootSurvives(), CascadeSpec.boundedRecovery("root", Duration.ZERO), CascadeSpec.maxRestarts("root/ledger", 0))
                .check(run).passed()).isTrue();
        assertThat(CascadeSpec.escalates("root/gateway").check(run)).isInstanceOf(Verdict.Inconclusive.class);
    }

    @Test
    void two_crashes_under_the_gateway_escalate_one_level_and_the_rest_for_one_root_restarts_the_ledger() {
        CascadeRun run = run(FaultPlan.builder()
                .at(Duration.ZERO, Fault.raise("root/gateway/auth", "boom"))
                .at(Duration.ofMillis(100), Fault.raise("root/gateway/session", "boom")).build());

        Verdict isolation = CascadeSpec.isolation("root/gateway", "root/ledger").check(run);

        assertThat(isolation.text()).startsWith("FAIL isolation(root/gateway, root/ledger): a fault under root/gateway caused 2"
                + " exit(s) or restart(s) under root/ledger").contains("→ root/gateway#1 gave up (2 restarts > intensity 1 in 5 s)")
                .endsWith("seed=3");
        assertThat(CascadeSpec.escalates("root/gateway").check(run).passed()).isTrue();
        assertThat(CascadeSpec.containedByStrategy().check(run).passed()).isTrue();
        assertThat(CascadeSpec.rootSurvives().check(run).passed()).isTrue();
    }

    @Test
    void a_slow_restart_breaks_bounded_recovery_and_a_short_run_is_inconclusive() {
        FaultPlan plan = FaultPlan.builder()
                .at(Duration.ZERO, Fault.slowStart("root/ledger", Duration.ofSeconds(2), 2))
                .at(Duration.ZERO, Fault.raise("root/ledger", "boom")).build();
        CascadeSpec recovery = CascadeSpec.boundedRecovery("root", Duration.ofSeconds(1));

        assertThat(recovery.check(new Trial(plan, 3).run(PAYMENTS, Duration.ofSeconds(3))).text())
                .startsWith("FAIL boundedRecovery(root, 1000 ms): after the last fault at 0 ms, root/ledger not running again within 1000 ms");
        assertThat(recovery.check(new Trial(plan, 3).run(PAYMENTS, Duration.ofMillis(500))))
                .isInstanceOf(Verdict.Inconclusive.class);
    }

    @Test
    void killing_the_root_fails_root_survives() {
        CascadeRun run = run(FaultPlan.now(Fault.kill("root")));

        assertThat(CascadeSpec.rootSurvives().check(run).text()).startsWith("FAIL rootSurvives(): the root root ended killed");
    }
}
