package dev.cascade.scenario;

import dev.cascade.supervisor.Restart;
import dev.cascade.supervisor.Shutdown;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A supervision tree, a plan of faults, and how long to let the tree settle afterwards: the
 * Java twin of a {@code cascade-scenario/1} file ({@link ScenarioReader}, {@link ScenarioWriter}).
 *
 * <pre>{@code
 * Scenario scenario = Scenario.named("cache-crash")
 *         .tree(ScenarioTree.supervisor("root").intensity(3)
 *                 .child(ScenarioTree.worker("db"))
 *                 .child(ScenarioTree.worker("cache").restart(Restart.TRANSIENT)))
 *         .fault(ScenarioFault.raise(Duration.ofMillis(100), "root/cache", "boom"))
 *         .settle(Duration.ofMillis(500))
 *         .build();
 * }</pre>
 *
 * @param name   {@code [a-z0-9_-]+}
 * @param tree   the root supervisor; its restart is {@code permanent} and its shutdown {@code infinity}
 *               (nothing supervises the root, and the file format cannot say otherwise)
 * @param faults in file order; each target must be a path of the tree, and each must fit its target
 *               (e.g. {@code raise} and {@code stop} a worker; see {@link FaultKind}). Every worker's
 *               {@linkplain WorkerNode#sends() sends} go to another worker of the tree
 * @param settle how long the tree runs after the last fault, whole milliseconds >= 0
 */
public record Scenario(String name, SupervisorNode tree, List<ScenarioFault> faults, Duration settle) {

    /** Validates every component; see the parameters for the rules. */
    public Scenario {
        Checks.matching("scenario name", name, Checks.NAME);
        Checks.notNull("tree of scenario " + name, tree);
        if (tree.restart() != Restart.PERMANENT || !tree.shutdown().equals(Shutdown.INFINITY)) {
            throw new IllegalArgumentException("the root supervisor " + tree.id() + " must keep restart permanent"
                    + " and shutdown infinity (nothing supervises the root) but had: " + Checks.spelling(tree.restart())
                    + ", " + tree.shutdown());
        }
        faults = List.copyOf(Checks.notNull("faults of scenario " + name, faults));
        Map<String, ScenarioNode> nodes = TreePaths.index(tree);
        for (int i = 0; i < faults.size(); i++) {
            ScenarioFault fault = faults.get(i);
            if (!nodes.containsKey(fault.target())) {
                throw new IllegalArgumentException("fault target " + fault.target() + " is not a path of the tree"
                        + " (paths: " + TreePaths.list(nodes.keySet(), 20) + ")");
            }
            PlanChecks.Problem problem = PlanChecks.fault(fault, nodes);
            if (problem != null) {
                throw new IllegalArgumentException("fault " + i + " (" + Checks.spelling(fault.kind()) + " on "
                        + fault.target() + "), " + problem.field() + ": " + problem.message());
            }
        }
        nodes.forEach((path, node) -> {
            if (node instanceof WorkerNode worker) {
                for (Traffic traffic : worker.sends()) {
                    PlanChecks.Problem problem = PlanChecks.traffic(path, traffic, nodes);
                    if (problem != null) {
                        throw new IllegalArgumentException("traffic from " + path + " to " + traffic.to() + ": "
                                + problem.message());
                    }
                }
            }
        });
        Checks.millis("settle time of scenario " + name, settle, 0);
    }

    /**
     * Starts the DSL: {@code Scenario.named("cache-crash").tree(..).fault(..).settle(..).build()}.
     *
     * @param name the scenario's name, {@code [a-z0-9_-]+} (checked by {@link ScenarioBuilder#build()})
     */
    public static ScenarioBuilder named(String name) {
        return ScenarioBuilder.start(name);
    }

    /** Every node's path ({@code root}, {@code root/db}, {@code root/app}, ...) in start order (pre-order). */
    public List<String> paths() {
        return List.copyOf(TreePaths.index(tree).keySet());
    }

    /** The node at {@code path}, e.g. {@code node("root/app/cache")}; empty if there is none. */
    public Optional<ScenarioNode> node(String path) {
        return Optional.ofNullable(TreePaths.index(tree).get(path));
    }
}
