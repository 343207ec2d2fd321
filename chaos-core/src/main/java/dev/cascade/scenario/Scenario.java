package dev.cascade.scenario;

import dev.cascade.scenario.internal.Checks;
import dev.cascade.scenario.internal.FaultSpelling;
import dev.cascade.scenario.internal.PlanBinding;
import dev.cascade.scenario.internal.PlanChecks;
import dev.cascade.scenario.internal.TreePaths;
import dev.cascade.chaos.Fault;
import dev.cascade.chaos.FaultPlan;
import dev.cascade.scenario.internal.FaultSpelling;
import dev.cascade.scenario.internal.PlanBinding;
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
 *         .fault(Duration.ofMillis(100), Fault.raise("root/cache", "boom"))
 *         .settle(Duration.ofMillis(500))
 *         .build();
 * }</pre>
 *
 * @param name   {@code [a-z0-9_-]+}
 * @param tree   the root supervisor; its restart is {@code permanent} and its shutdown {@code infinity}
 *               (nothing supervises the root, and the file format cannot say otherwise)
 * @param faults the fault plan's faults in file order, each at its time after the tree finished
 *               starting; each must bind to the tree as a {@link FaultPlan} does (its paths exist, it
 *               fits its target: {@code raise} and {@code stop} a worker, ...) and have a file spelling
 *               (no predicate, generator or method fault). Every worker's
 *               {@linkplain WorkerNode#sends() sends} go to another worker of the tree
 * @param settle how long the tree runs after the last fault, whole milliseconds >= 0
 */
public record Scenario(String name, SupervisorNode tree, List<FaultPlan.Timed> faults, Duration settle) {

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
        for (int i = 0; i < faults.size(); i++) {
            try {
                FaultSpelling.check(faults.get(i));
            } catch (IllegalArgumentException unspelled) {
                throw new IllegalArgumentException("fault " + i + ": " + unspelled.getMessage(), unspelled);
            }
        }
        Optional<PlanBinding.Unbound> unbound = PlanBinding.check(tree, faults);
        if (unbound.isPresent()) {
            Fault fault = faults.get(unbound.get().index()).fault();
            throw new IllegalArgumentException("fault " + unbound.get().index() + " (" + FaultSpelling.of(fault).spelling()
                    + " on " + fault.target() + "), " + unbound.get().refusal().field() + ": " + unbound.get().refusal().problem());
        }
        Map<String, ScenarioNode> nodes = TreePaths.index(tree);
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
        String tooLong = RunLength.problem(tree, faults, settle);
        if (tooLong != null) {
            throw new IllegalArgumentException("scenario " + name + ": " + tooLong);
        }
    }

    /**
     * Starts the DSL: {@code Scenario.named("cache-crash").tree(..).fault(..).settle(..).build()}.
     *
     * @param name the scenario's name, {@code [a-z0-9_-]+} (checked by {@link ScenarioBuilder#build()})
     */
    public static ScenarioBuilder named(String name) {
        return ScenarioBuilder.start(name);
    }

    /**
     * The faults as a {@link FaultPlan}, each at its time after the tree finished starting (faults at
     * the same time in file order).
     */
    public FaultPlan plan() {
        FaultPlan.Builder plan = FaultPlan.builder();
        faults.forEach(timed -> plan.at(timed.at(), timed.fault()));
        return plan.build();
    }

    /**
     * The time of its last fault or dynamic start after fault time zero (zero if it has neither): its
     * run ends {@link #settle()} after it.
     *
     * <pre>{@code
     * Duration runs = scenario.span().plus(scenario.settle());
     * }</pre>
     */
    public Duration span() {
        Duration last = plan().span();
        for (ScenarioNode node : TreePaths.index(tree).values()) {
            if (node instanceof DynamicSupervisorNode dynamic) {
                for (DynamicStart start : dynamic.starts()) {
                    last = start.at().compareTo(last) > 0 ? start.at() : last;
                }
            }
        }
        return last;
    }

    /**
     * Every node's path ({@code root}, {@code root/db}, {@code root/app}, ...) in start order
     * (pre-order); a dynamic supervisor's is followed by one path per key it starts ({@code root/sessions/alice}).
     */
    public List<String> paths() {
        return List.copyOf(TreePaths.index(tree).keySet());
    }

    /** The node at {@code path}, e.g. {@code node("root/app/cache")} (a dynamic child's: its template); empty if there is none. */
    public Optional<ScenarioNode> node(String path) {
        return Optional.ofNullable(TreePaths.index(tree).get(path));
    }
}
