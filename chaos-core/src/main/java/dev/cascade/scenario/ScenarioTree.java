package dev.cascade.scenario;

/**
 * The DSL for scenario trees: immutable steps, each returning a new value, so any step can be
 * kept in a {@code static final} and reused.
 *
 * <pre>{@code
 * static final SupervisorBuilder APP = ScenarioTree.supervisor("app")
 *         .strategy(Strategy.REST_FOR_ONE)
 *         .child(ScenarioTree.worker("cache").restart(Restart.TRANSIENT).shutdown(Shutdown.BRUTAL_KILL))
 *         .child(ScenarioTree.worker("api").restart(Restart.TEMPORARY).failOn(2));
 * }</pre>
 */
public sealed interface ScenarioTree permits SupervisorBuilder, DynamicSupervisorBuilder, WorkerBuilder {

    /** A supervisor with the defaults: {@code one_for_one}, intensity 1 in 5 s, permanent, shutdown infinity, no children. */
    static SupervisorBuilder supervisor(String id) {
        return SupervisorBuilder.start(id);
    }

    /**
     * A dynamic supervisor with Elixir's defaults: intensity 3 in 5 s, no limit on children,
     * permanent, shutdown infinity, no templates, no starts.
     */
    static DynamicSupervisorBuilder dynamicSupervisor(String id) {
        return DynamicSupervisorBuilder.start(id);
    }

    /** A worker with the defaults: permanent, shutdown 5000 ms, starts at once and always succeeds, does not trap exits. */
    static WorkerBuilder worker(String id) {
        return WorkerBuilder.start(id);
    }

    /**
     * The validated node; nothing is checked before this.
     *
     * @throws IllegalArgumentException naming the offending value
     */
    ScenarioNode build();
}
