package dev.cascade.scenario;

import dev.cascade.dynamic.ChildLimit;
import dev.cascade.scenario.internal.Checks;
import dev.cascade.supervisor.Restart;
import dev.cascade.supervisor.Shutdown;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A dynamic supervisor in a scenario tree (Elixir's DynamicSupervisor, otp-semantics 4.2): it starts
 * with no children and starts its {@link #starts()} during the run, each from one of its
 * {@link #templates()}; it restarts them one-for-one (the only strategy it has) within its intensity.
 * Build one with {@link ScenarioTree#dynamicSupervisor(String)}.
 *
 * <pre>{@code
 * ScenarioTree.dynamicSupervisor("sessions").maxChildren(2)
 *         .template(ScenarioTree.worker("session"))
 *         .start(Duration.ZERO, "session", "alice")          // root/sessions/alice
 *         .start(Duration.ofMillis(100), "session", "bob");  // root/sessions/bob
 * }</pre>
 *
 * @param id          unique among its siblings; {@code [a-z0-9_]+}
 * @param intensity   the most restarts allowed within {@code period} (>= 0)
 * @param period      the restart window, whole seconds (>= 1 s)
 * @param maxChildren how many children it may have at once, restarting ones included; one more start
 *                    is answered {@code {error, max_children}}
 * @param restart     when its parent restarts it
 * @param shutdown    how its parent stops it
 * @param templates   the workers its children are started from, ids unique (the id of a dynamic
 *                    child is not its name: its key is)
 * @param starts      the children it is asked to start, in file order; each names a template, and
 *                    each key is started once
 */
public record DynamicSupervisorNode(
        String id,
        int intensity,
        Duration period,
        ChildLimit maxChildren,
        Restart restart,
        Shutdown shutdown,
        List<WorkerNode> templates,
        List<DynamicStart> starts) implements ScenarioNode {

    /** The default {@link #intensity()}: 3, Elixir's. */
    public static final int DEFAULT_INTENSITY = 3;
    /** The default {@link #period()}: 5 seconds, Elixir's. */
    public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(5);

    /** Validates every component; see the parameters for the rules. */
    public DynamicSupervisorNode {
        Checks.matching("id", id, Checks.ID);
        Checks.atLeast("intensity of dynamic supervisor " + id, intensity, 0);
        Checks.seconds("period of dynamic supervisor " + id, period, 1);
        Checks.notNull("maxChildren of dynamic supervisor " + id, maxChildren);
        Checks.notNull("restart of dynamic supervisor " + id, restart);
        Checks.shutdown("shutdown of dynamic supervisor " + id, shutdown);
        templates = List.copyOf(Checks.notNull("templates of dynamic supervisor " + id, templates));
        starts = List.copyOf(Checks.notNull("starts of dynamic supervisor " + id, starts));
        Set<String> ids = new HashSet<>();
        for (WorkerNode template : templates) {
            if (!ids.add(template.id())) {
                throw new IllegalArgumentException("templates of dynamic supervisor " + id
                        + " must have unique ids but \"" + template.id() + "\" is used twice");
            }
        }
        Set<String> keys = new HashSet<>();
        for (DynamicStart start : starts) {
            if (!ids.contains(start.template())) {
                throw new IllegalArgumentException("start of key " + start.key() + " under " + id + " names template \""
                        + start.template() + "\", which dynamic supervisor " + id + " does not have (templates: "
                        + String.join(", ", ids.stream().sorted().toList()) + ")");
            }
            if (!keys.add(start.key())) {
                throw new IllegalArgumentException("key \"" + start.key() + "\" is started twice under dynamic supervisor "
                        + id + "; each key names one child path");
            }
        }
    }

    /** The template each start names, by id. */
    public Map<String, WorkerNode> templatesById() {
        return templates.stream().collect(Collectors.toMap(WorkerNode::id, Function.identity()));
    }
}
