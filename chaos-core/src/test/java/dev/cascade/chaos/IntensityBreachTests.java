package dev.cascade.chaos;

import dev.cascade.chaos.Worker.Journal;
import dev.cascade.conformance.TestScheduler;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.SupervisorSpec;
import dev.cascade.trace.Trace;
import dev.cascade.trace.TraceEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** An intensity breach: intensity + 1 kills inside the supervisor's period make it give up, once. */
@ExtendWith(TestScheduler.Verify.class)
class IntensityBreachTests {
    private final Journal journal = new Journal();

    private SupervisorSpec sub() {
        return SupervisorSpec.oneForOne().withIntensity(2, Duration.ofSeconds(5))
                .withChild(ChildSpec.worker("w", () -> new Worker(journal)));
    }

    @Test
    void a_breach_makes_the_supervisor_give_up_exactly_once_and_its_parent_restarts_it() {
        SupervisorSpec spec = SupervisorSpec.oneForOne().withIntensity(3, Duration.ofSeconds(5))
                .withChild(ChildSpec.supervisor("sub", sub()));
        try (ChaosTree tree = Trees.start(spec)) {
            tree.inject(Fault.breachIntensity("root/sub/w"));
            Trees.awaitIncarnations(tree, "root/sub", 2);
            Trees.awaitIncarnations(tree, "root/sub/w", 4);

            Trace trace = tree.trace();
            assertThat(trace.events(TraceEvent.SupervisorGaveUp.class)).singleElement().satisfies(gaveUp -> {
                assertThat(gaveUp.supervisor().path()).contains("root/sub");
                assertThat(gaveUp.supervisor().incarnation()).hasValue(1);
                assertThat(gaveUp.intensity()).isEqualTo(2);
                assertThat(gaveUp.restarts()).isEqualTo(3);
            });
            assertThat(Trees.exits(trace, "root/sub/w")).containsExactly("killed", "killed", "killed");
            LedgerEntry entry = tree.ledger().entry(1);
            assertThat(entry.status()).isEqualTo(LedgerEntry.Status.FIRED);
            assertThat(entry.hits()).extracting(LedgerEntry.Hit::incarnation).containsExactly(1, 2, 3);
            assertThat(entry.hits()).extracting(LedgerEntry.Hit::detail).containsExactly(
                    "failure 1 of 3 (intensity 2 in 5000 ms)",
                    "failure 2 of 3 (intensity 2 in 5000 ms)",
                    "failure 3 of 3 (intensity 2 in 5000 ms)");
            assertThat(tree.incarnations("root/sub")).isEqualTo(2);
            assertThat(trace.events(TraceEvent.RestartDecided.class)).filteredOn(r -> r.child().equals("root/sub")).hasSize(1);
        }
    }

    @Test
    void a_breach_of_a_child_of_the_root_ends_the_root() {
        try (ChaosTree tree = Trees.start(sub())) {
            tree.inject(Fault.breachIntensity("root/w"));
            Trees.await(tree, "the root to end", () -> tree.whereis("root").isEmpty());

            Trace trace = tree.trace();
            assertThat(trace.events(TraceEvent.SupervisorGaveUp.class)).singleElement()
                    .satisfies(gaveUp -> assertThat(gaveUp.supervisor().path()).contains("root"));
            assertThat(tree.ledger().entry(1).hits()).hasSize(3);
            assertThat(tree.incarnations("root/w")).isEqualTo(3);
        }
    }

    @Test
    void a_breach_whose_failures_do_not_fit_in_the_period_says_so_and_the_supervisor_carries_on() {
        SupervisorSpec quick = sub().withIntensity(2, Duration.ofMillis(200));
        try (ChaosTree tree = Trees.start(SupervisorSpec.oneForOne().withChild(ChildSpec.supervisor("sub", quick)))) {
            tree.inject(Fault.slowStart("root/sub/w", Duration.ofMillis(400), 2));
            tree.inject(Fault.breachIntensity("root/sub/w"));
            Trees.await(tree, "the breach to fall short", () -> !tree.ledger().entry(2).why().isEmpty());
            Trees.awaitIncarnations(tree, "root/sub/w", 2);

            LedgerEntry entry = tree.ledger().entry(2);
            assertThat(entry.status()).isEqualTo(LedgerEntry.Status.FIRED);
            assertThat(entry.hits()).hasSize(1);
            assertThat(entry.why()).isEqualTo("only 1 of 3 failures fitted in the period: root/sub/w was not restarted in time");
            assertThat(tree.trace().events(TraceEvent.SupervisorGaveUp.class)).isEmpty();
            assertThat(tree.incarnations("root/sub")).isEqualTo(1);
        }
    }

    @Test
    void a_breach_counts_the_intensity_of_the_supervisor_of_the_target_not_of_the_root() {
        SupervisorSpec spec = SupervisorSpec.oneForOne().withIntensity(10, Duration.ofSeconds(5))
                .withChild(ChildSpec.supervisor("sub", sub().withIntensity(1, Duration.ofSeconds(5))));
        try (ChaosTree tree = Trees.start(spec)) {
            tree.inject(Fault.breachIntensity("root/sub/w"));
            Trees.awaitIncarnations(tree, "root/sub", 2);

            assertThat(tree.ledger().entry(1).hits()).hasSize(2);
            assertThat(tree.trace().events(TraceEvent.SupervisorGaveUp.class)).singleElement()
                    .satisfies(gaveUp -> assertThat(gaveUp.intensity()).isEqualTo(1));
        }
    }
}
