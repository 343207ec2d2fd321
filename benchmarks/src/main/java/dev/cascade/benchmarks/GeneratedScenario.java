package dev.cascade.benchmarks;

import dev.cascade.chaos.Fault;
import dev.cascade.runtime.ExitReason;
import dev.cascade.scenario.Outcome;
import dev.cascade.scenario.OutcomeEvent;
import dev.cascade.scenario.Scenario;
import dev.cascade.scenario.ScenarioBuilder;
import dev.cascade.scenario.ScenarioTree;
import dev.cascade.scenario.SupervisorBuilder;
import dev.cascade.supervisor.Restart;
import dev.cascade.supervisor.Strategy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The scenario of issue 3, figure 2: 60 s of time, 3 supervisors, 20 workers, 50 faults; or the
 * same scenario shortened in proportion ({@link #lasting}), with the same faults closer together.
 *
 * <pre>
 * root   one_for_one  w0..w3
 *  +- a  rest_for_one a0..a7 (a6, a7 transient)
 *  +- b  one_for_all  b0..b7
 * </pre>
 *
 * Fault {@code i} (0..49) comes at {@code (i + 1/2) length / 50} (at 60 s: 600, 1800, ... 59,400 ms),
 * cycles through raise, stop and exit_signal ({@code kill}), and hits worker {@code 7 i mod 20} of the
 * list above, so every worker is hit two or three times; the run ends half a spacing after the last
 * fault, at {@code length}. All supervisors allow 10 restarts in 5 s, so at 60 s and 30 s nothing
 * gives up and every fault lands on a live worker ({@link #requireEveryFaultLanded} checks it).
 */
public final class GeneratedScenario {
    static final int FAULTS = 50;

    private static final int INTENSITY = 10;
    private static final Duration PERIOD = Duration.ofSeconds(5);

    private GeneratedScenario() {}

    /** The scenario lasting {@code length} of (virtual or real) time, built with the Java DSL. */
    public static Scenario lasting(Duration length) {
        Duration spacing = length.dividedBy(FAULTS);
        List<String> workers = new ArrayList<>();
        SupervisorBuilder root = supervisor("root", Strategy.ONE_FOR_ONE);
        for (int i = 0; i < 4; i++) {
            root = root.child(ScenarioTree.worker("w" + i));
            workers.add("root/w" + i);
        }
        SupervisorBuilder a = supervisor("a", Strategy.REST_FOR_ONE);
        SupervisorBuilder b = supervisor("b", Strategy.ONE_FOR_ALL);
        for (int i = 0; i < 8; i++) {
            a = a.child(ScenarioTree.worker("a" + i).restart(i >= 6 ? Restart.TRANSIENT : Restart.PERMANENT));
            b = b.child(ScenarioTree.worker("b" + i));
            workers.add("root/a/a" + i);
        }
        for (int i = 0; i < 8; i++) {
            workers.add("root/b/b" + i);
        }
        ScenarioBuilder scenario = Scenario.named("generated-" + length.toSeconds() + "s").tree(root.child(a).child(b));
        for (int i = 0; i < FAULTS; i++) {
            Duration at = spacing.dividedBy(2).plus(spacing.multipliedBy(i));
            String target = workers.get(7 * i % workers.size());
            scenario = scenario.fault(at, switch (i % 3) {
                case 0 -> Fault.raise(target, "boom");
                case 1 -> Fault.stop(target, ExitReason.ofWord("crashed"));
                default -> Fault.exitSignal(target, ExitReason.ofWord("kill"));
            });
        }
        return scenario.settle(spacing.dividedBy(2)).build();
    }

    /** Fails unless every fault of {@code outcome} ended a live worker and no supervisor gave up. */
    static Outcome requireEveryFaultLanded(Outcome outcome) {
        long skipped = outcome.events().stream().filter(event -> event instanceof OutcomeEvent.FaultSkipped).count();
        long gaveUp = outcome.events().stream()
                .filter(event -> event instanceof OutcomeEvent.SupervisorTerminated).count();
        long faulted = outcome.events().stream()
                .filter(event -> event instanceof OutcomeEvent.Exited exited && isFault(exited.reason())).count();
        if (skipped != 0 || gaveUp != 0 || faulted != FAULTS) {
            throw new IllegalStateException("the generated scenario did not run as designed: " + faulted + " of "
                    + FAULTS + " faults ended a worker, " + skipped + " skipped, " + gaveUp
                    + " supervisors gave up (" + outcome.events().size() + " events)");
        }
        return outcome;
    }

    private static boolean isFault(String reason) {
        return reason.equals("error:boom") || reason.equals("crashed") || reason.equals("killed");
    }

    private static SupervisorBuilder supervisor(String id, Strategy strategy) {
        return ScenarioTree.supervisor(id).strategy(strategy).intensity(INTENSITY).period(PERIOD);
    }
}
