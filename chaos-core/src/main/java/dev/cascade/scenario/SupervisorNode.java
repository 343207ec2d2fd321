package dev.cascade.scenario;

import dev.cascade.scenario.internal.Checks;
import dev.cascade.supervisor.Restart;
import dev.cascade.supervisor.Shutdown;
import dev.cascade.supervisor.Strategy;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A supervisor in a scenario tree. Build one with {@link ScenarioTree#supervisor(String)}.
 *
 * @param id        unique among its siblings; {@code [a-z0-9_]+}
 * @param strategy  which children are restarted together
 * @param intensity the most restarts allowed within {@code period} (>= 0)
 * @param period    the restart window, in whole seconds (>= 1 s)
 * @param restart   when its parent restarts it
 * @param shutdown  how its parent stops it (a timeout must be whole milliseconds >= 1)
 * @param children  its children in start order; ids unique
 */
public record SupervisorNode(
        String id,
        Strategy strategy,
        int intensity,
        Duration period,
        Restart restart,
        Shutdown shutdown,
        List<ScenarioNode> children) implements ScenarioNode {

    /** The default {@link #strategy()}: {@code one_for_one}. */
    public static final Strategy DEFAULT_STRATEGY = Strategy.ONE_FOR_ONE;
    /** The default {@link #intensity()}: 1. */
    public static final int DEFAULT_INTENSITY = 1;
    /** The default {@link #period()}: 5 seconds. */
    public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(5);
    /** The default {@link #shutdown()} of a supervisor: {@code infinity}. */
    public static final Shutdown DEFAULT_SHUTDOWN = Shutdown.INFINITY;

    /** Validates every component; see the parameters for the rules. */
    public SupervisorNode {
        Checks.matching("id", id, Checks.ID);
        Checks.notNull("strategy of supervisor " + id, strategy);
        Checks.atLeast("intensity of supervisor " + id, intensity, 0);
        Checks.seconds("period of supervisor " + id, period, 1);
        Checks.notNull("restart of supervisor " + id, restart);
        Checks.shutdown("shutdown of supervisor " + id, shutdown);
        Checks.notNull("children of supervisor " + id, children);
        children = List.copyOf(children);
        Set<String> ids = new HashSet<>();
        for (ScenarioNode child : children) {
            if (!ids.add(child.id())) {
                throw new IllegalArgumentException("children of supervisor " + id
                        + " must have unique ids but \"" + child.id() + "\" is used twice");
            }
        }
    }
}
