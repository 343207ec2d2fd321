package dev.cascade.scenario.internal;

import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.StartOptions;
import dev.cascade.dynamic.DynamicSupervisorSpec;
import dev.cascade.runtime.internal.ProcessCell;
import dev.cascade.scenario.DynamicSupervisorNode;
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
            case DynamicSupervisorNode dynamic -> ChildSpec.dynamicSupervisor(dynamic.id(), flags(dynamic))
                    .withRestart(dynamic.restart()).withShutdown(dynamic.shutdown());
            case WorkerNode worker -> {
                StartOptions options = StartOptions.DEFAULT.withMailbox(worker.mailbox());
                yield new ChildSpec(worker.id(), ctx -> GenServer.startLink(ctx, new ScenarioWorker(worker), options),
                        worker.restart(), worker.shutdown(), ChildType.WORKER, false);
            }
        };
    }

    /** A dynamic supervisor's flags: its intensity, period and limit on children. */
    public static DynamicSupervisorSpec flags(DynamicSupervisorNode node) {
        return new DynamicSupervisorSpec(node.intensity(), node.period(), node.maxChildren());
    }

    /**
     * The child spec a dynamic supervisor starts {@code key} from: {@code template}'s worker, whose
     * tree path ends in {@code key} ({@code root/sessions/alice}) as a child started under a registry
     * key's does.
     */
    public static ChildSpec dynamicChild(WorkerNode template, String key) {
        StartOptions options = StartOptions.DEFAULT.withMailbox(template.mailbox());
        return new ChildSpec(template.id(), ctx -> {
            ProcessCell.of(ctx).place().nameChild(key); // the new child's path ends in its key, not <id>-<n>
            return GenServer.startLink(ctx, new ScenarioWorker(template), options);
        }, template.restart(), template.shutdown(), ChildType.WORKER, false);
    }
}
