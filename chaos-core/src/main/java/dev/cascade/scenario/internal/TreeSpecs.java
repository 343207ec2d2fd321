package dev.cascade.scenario.internal;

import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.StartResult;
import dev.cascade.scenario.ScenarioNode;
import dev.cascade.scenario.SupervisorNode;
import dev.cascade.scenario.WorkerNode;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.ChildStart;
import dev.cascade.supervisor.ChildType;
import dev.cascade.supervisor.Supervisor;
import dev.cascade.supervisor.SupervisorSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Turns a scenario's tree into the runtime's {@link SupervisorSpec}s. Each child's start function
 * records what its start returned, in the supervisor's process, before the supervisor goes on.
 */
final class TreeSpecs {
    private final Recorder recorder;
    private final Map<String, AtomicInteger> attempts = new HashMap<>();

    TreeSpecs(Recorder recorder) {
        this.recorder = recorder;
    }

    SupervisorSpec supervisor(SupervisorNode node, String path) {
        List<ChildSpec> children = new ArrayList<>();
        for (ScenarioNode child : node.children()) {
            children.add(child(child, path + "/" + child.id()));
        }
        return new SupervisorSpec(node.strategy(), node.intensity(), node.period(),
                dev.cascade.supervisor.AutoShutdown.NEVER, children);
    }

    private ChildSpec child(ScenarioNode node, String path) {
        return switch (node) {
            case SupervisorNode sup -> {
                SupervisorSpec spec = supervisor(sup, path);
                yield new ChildSpec(sup.id(), recorded(path, ctx -> Supervisor.startLink(ctx, spec)),
                        sup.restart(), sup.shutdown(), ChildType.SUPERVISOR, false);
            }
            case WorkerNode worker -> {
                AtomicInteger counter = attempts.computeIfAbsent(path, p -> new AtomicInteger());
                yield new ChildSpec(worker.id(),
                        recorded(path, ctx -> GenServer.startLink(ctx, new ScenarioWorker(worker, counter))),
                        worker.restart(), worker.shutdown(), ChildType.WORKER, false);
            }
        };
    }

    private ChildStart recorded(String path, ChildStart start) {
        return ctx -> record(path, start.start(ctx));
    }

    StartResult record(String path, StartResult result) {
        switch (result) {
            case StartResult.Started started -> recorder.started(path, started.pid());
            case StartResult.Ignored ignored -> recorder.ignored(path);
            case StartResult.Failed failed -> recorder.startFailed(path, failed.reason());
        }
        return result;
    }
}
