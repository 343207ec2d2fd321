package dev.cascade.scenario;

import dev.cascade.supervisor.Restart;
import dev.cascade.supervisor.Shutdown;

/**
 * A node of a scenario's supervision tree: a {@link SupervisorNode}, a {@link DynamicSupervisorNode}
 * or a {@link WorkerNode}.
 *
 * <pre>{@code
 * String kind = switch (node) {
 *   case SupervisorNode s -> "supervisor with " + s.children().size() + " children";
 *   case DynamicSupervisorNode d -> "dynamic supervisor starting " + d.starts().size() + " children";
 *   case WorkerNode w -> "worker";
 * };
 * }</pre>
 */
public sealed interface ScenarioNode permits SupervisorNode, DynamicSupervisorNode, WorkerNode {

    /** The id, unique among its siblings; {@code [a-z0-9_]+}. */
    String id();

    /** When the parent restarts this node after it ended. Ignored for the root. */
    Restart restart();

    /** How the parent stops this node. Ignored for the root. */
    Shutdown shutdown();
}
