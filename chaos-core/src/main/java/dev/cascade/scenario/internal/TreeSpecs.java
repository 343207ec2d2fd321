package dev.cascade.scenario.internal;

import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.StartOptions;
import dev.cascade.scenario.ScenarioNode;
import dev.cascade.scenario.SupervisorNode;
import dev.cascade.scenario.WorkerNode;
import dev.cascade.supervisor.AutoShutdown;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.ChildType;
import dev.cascade.supervisor.NestedSupervisor;
import dev.cascade.supervisor.SupervisorSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a scenario's tree into the runtime's {@link SupervisorSpec}s. Nested supervisors keep their
 * spec visible ({@link NestedSupervisor}), so a fault plan can check its paths against it; starts
 * are recorded from the node's {@link dev.cascade.runtime.RuntimeListener}, not by wrapping them.
 */
public final class TreeSpecs {
    private TreeSpecs() {}

    public static SupervisorSpec supervisor(SupervisorNode node) {
        List<ChildSpec> children = new ArrayList<>();
        for (ScenarioNode child : node.children()) {
            children.add(child(child));
        }
        return new SupervisorSpec(node.strategy(), node.intensity(), node.period(), AutoShutdown.NEVER, children);
    }

    private static ChildSpec child(ScenarioNode node) {
        return switch (node) {
            case SupervisorNode sup -> new ChildSpec(sup.id(), new NestedSupervisor(supervisor(sup)), sup.restart(),
                    sup.shutdown(), ChildType.SUPERVISOR, false);
            case WorkerNode worker -> {
                StartOptions options = StartOptions.DEFAULT.withMailbox(worker.mailbox());
                yield new ChildSpec(worker.id(), ctx -> GenServer.startLink(ctx, new ScenarioWorker(worker), options),
                        worker.restart(), worker.shutdown(), ChildType.WORKER, false);
            }
        };
    }
}
