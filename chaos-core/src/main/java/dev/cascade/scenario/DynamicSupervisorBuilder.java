package dev.cascade.scenario;

import dev.cascade.dynamic.ChildLimit;
import dev.cascade.supervisor.Restart;
import dev.cascade.supervisor.Shutdown;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An immutable DSL step describing a {@link DynamicSupervisorNode}; start with
 * {@link ScenarioTree#dynamicSupervisor(String)}. Every method returns a new builder; values are
 * checked by {@link #build()}.
 *
 * <pre>{@code
 * ScenarioTree.dynamicSupervisor("sessions").intensity(1).maxChildren(2)
 *         .template(ScenarioTree.worker("session").restart(Restart.TRANSIENT))
 *         .start(Duration.ZERO, "session", "alice");
 * }</pre>
 */
public final class DynamicSupervisorBuilder implements ScenarioTree {

    private record Values(String id, int intensity, Duration period, ChildLimit maxChildren, Restart restart,
                          Shutdown shutdown, List<WorkerBuilder> templates, List<DynamicStart> starts) {}

    private final Values v;

    private DynamicSupervisorBuilder(Values v) {
        this.v = v;
    }

    static DynamicSupervisorBuilder start(String id) {
        return new DynamicSupervisorBuilder(new Values(Objects.requireNonNull(id, "id"), DynamicSupervisorNode.DEFAULT_INTENSITY,
                DynamicSupervisorNode.DEFAULT_PERIOD, ChildLimit.UNBOUNDED, Restart.PERMANENT, SupervisorNode.DEFAULT_SHUTDOWN,
                List.of(), List.of()));
    }

    /** The most restarts allowed within the period, e.g. {@code intensity(1)}; >= 0. */
    public DynamicSupervisorBuilder intensity(int intensity) {
        return new DynamicSupervisorBuilder(new Values(v.id, intensity, v.period, v.maxChildren, v.restart, v.shutdown,
                v.templates, v.starts));
    }

    /** The restart window, e.g. {@code period(Duration.ofSeconds(10))}; whole seconds >= 1. */
    public DynamicSupervisorBuilder period(Duration period) {
        return new DynamicSupervisorBuilder(new Values(v.id, v.intensity, Objects.requireNonNull(period, "period"),
                v.maxChildren, v.restart, v.shutdown, v.templates, v.starts));
    }

    /** At most {@code limit} children at once (>= 0), e.g. {@code maxChildren(100)}; unbounded by default. */
    public DynamicSupervisorBuilder maxChildren(int limit) {
        return new DynamicSupervisorBuilder(new Values(v.id, v.intensity, v.period, ChildLimit.atMost(limit), v.restart,
                v.shutdown, v.templates, v.starts));
    }

    /** When its parent restarts it, e.g. {@code restart(Restart.TRANSIENT)}. */
    public DynamicSupervisorBuilder restart(Restart restart) {
        return new DynamicSupervisorBuilder(new Values(v.id, v.intensity, v.period, v.maxChildren,
                Objects.requireNonNull(restart, "restart"), v.shutdown, v.templates, v.starts));
    }

    /** How its parent stops it, e.g. {@code shutdown(Shutdown.millis(2000))}. */
    public DynamicSupervisorBuilder shutdown(Shutdown shutdown) {
        return new DynamicSupervisorBuilder(new Values(v.id, v.intensity, v.period, v.maxChildren, v.restart,
                Objects.requireNonNull(shutdown, "shutdown"), v.templates, v.starts));
    }

    /** Adds a template its children can be started from, e.g. {@code template(ScenarioTree.worker("session"))}. */
    public DynamicSupervisorBuilder template(WorkerBuilder template) {
        List<WorkerBuilder> more = new ArrayList<>(v.templates);
        more.add(Objects.requireNonNull(template, "template"));
        return new DynamicSupervisorBuilder(new Values(v.id, v.intensity, v.period, v.maxChildren, v.restart, v.shutdown,
                List.copyOf(more), v.starts));
    }

    /** Starts a child from {@code template} under {@code key} at {@code at} after fault time zero. */
    public DynamicSupervisorBuilder start(Duration at, String template, String key) {
        List<DynamicStart> more = new ArrayList<>(v.starts);
        more.add(new DynamicStart(at, template, key));
        return new DynamicSupervisorBuilder(new Values(v.id, v.intensity, v.period, v.maxChildren, v.restart, v.shutdown,
                v.templates, List.copyOf(more)));
    }

    /** {@inheritDoc} */
    @Override
    public DynamicSupervisorNode build() {
        return new DynamicSupervisorNode(v.id, v.intensity, v.period, v.maxChildren, v.restart, v.shutdown,
                v.templates.stream().map(WorkerBuilder::build).toList(), v.starts);
    }
}
