package dev.cascade.scenario;

import dev.cascade.supervisor.Restart;
import dev.cascade.supervisor.Shutdown;
import dev.cascade.supervisor.Strategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An immutable DSL step describing a {@link SupervisorNode}; start with {@link ScenarioTree#supervisor(String)}.
 * Every method returns a new builder; values are checked by {@link #build()}.
 */
public final class SupervisorBuilder implements ScenarioTree {

    private final String id;
    private final Strategy strategy;
    private final int intensity;
    private final Duration period;
    private final Restart restart;
    private final Shutdown shutdown;
    private final List<ScenarioTree> children;

    private SupervisorBuilder(String id, Strategy strategy, int intensity, Duration period,
                              Restart restart, Shutdown shutdown, List<ScenarioTree> children) {
        this.id = id;
        this.strategy = strategy;
        this.intensity = intensity;
        this.period = period;
        this.restart = restart;
        this.shutdown = shutdown;
        this.children = children;
    }

    static SupervisorBuilder start(String id) {
        return new SupervisorBuilder(Objects.requireNonNull(id, "id"), SupervisorNode.DEFAULT_STRATEGY,
                SupervisorNode.DEFAULT_INTENSITY, SupervisorNode.DEFAULT_PERIOD, Restart.PERMANENT,
                SupervisorNode.DEFAULT_SHUTDOWN, List.of());
    }

    /** Which children restart together, e.g. {@code strategy(Strategy.REST_FOR_ONE)}. */
    public SupervisorBuilder strategy(Strategy strategy) {
        return new SupervisorBuilder(id, Objects.requireNonNull(strategy, "strategy"), intensity, period,
                restart, shutdown, children);
    }

    /** The most restarts allowed within the period, e.g. {@code intensity(3)}; >= 0. */
    public SupervisorBuilder intensity(int intensity) {
        return new SupervisorBuilder(id, strategy, intensity, period, restart, shutdown, children);
    }

    /** The restart window, e.g. {@code period(Duration.ofSeconds(10))}; whole seconds >= 1. */
    public SupervisorBuilder period(Duration period) {
        return new SupervisorBuilder(id, strategy, intensity, Objects.requireNonNull(period, "period"),
                restart, shutdown, children);
    }

    /** When its parent restarts it, e.g. {@code restart(Restart.TRANSIENT)}; not for the root. */
    public SupervisorBuilder restart(Restart restart) {
        return new SupervisorBuilder(id, strategy, intensity, period, Objects.requireNonNull(restart, "restart"),
                shutdown, children);
    }

    /** How its parent stops it, e.g. {@code shutdown(Shutdown.millis(2000))}; not for the root. */
    public SupervisorBuilder shutdown(Shutdown shutdown) {
        return new SupervisorBuilder(id, strategy, intensity, period, restart,
                Objects.requireNonNull(shutdown, "shutdown"), children);
    }

    /** Adds a child after the others (children start in this order), e.g. {@code child(ScenarioTree.worker("db"))}. */
    public SupervisorBuilder child(ScenarioTree child) {
        List<ScenarioTree> more = new ArrayList<>(children);
        more.add(Objects.requireNonNull(child, "child"));
        return new SupervisorBuilder(id, strategy, intensity, period, restart, shutdown, List.copyOf(more));
    }

    /** {@inheritDoc} */
    @Override
    public SupervisorNode build() {
        List<ScenarioNode> nodes = children.stream().map(ScenarioTree::build).toList();
        return new SupervisorNode(id, strategy, intensity, period, restart, shutdown, nodes);
    }
}
