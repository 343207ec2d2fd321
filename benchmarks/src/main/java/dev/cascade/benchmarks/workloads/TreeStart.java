package dev.cascade.benchmarks.workloads;

import dev.cascade.genserver.GenServer;
import dev.cascade.runtime.Node;
import dev.cascade.runtime.Pid;
import dev.cascade.supervisor.ChildInfo;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.Supervisor;
import dev.cascade.supervisor.SupervisorSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * W6: one process starts {@value #SUPERVISORS} one-for-one supervisors, one after the other, each
 * over {@value #WORKERS} {@link Counter} workers ({@value #SUPERVISORS} x {@value #WORKERS}
 * processes), in order: each {@code startLink} returns once every child's {@code init} has returned,
 * so when the last returns every worker is ready to answer. Measured from the first
 * {@code startLink} to the return of the last, in ms; the specs are built before. Then, unmeasured,
 * every supervisor must list {@value #WORKERS} running children and every worker must answer a call.
 *
 * <p>The harness runs it warm (after warm-up iterations) and as the first iteration in a fresh JVM.
 */
final class TreeStart implements Workload {
    static final int SUPERVISORS = 100;
    static final int WORKERS = 100;

    @Override
    public String id() {
        return "W6";
    }

    @Override
    public String description() {
        return "start 100 supervisors x 100 workers, in order, ready to answer";
    }

    @Override
    public Sample run(Node node) {
        List<SupervisorSpec> specs = new ArrayList<>();
        for (int s = 0; s < SUPERVISORS; s++) {
            SupervisorSpec spec = SupervisorSpec.oneForOne();
            for (int w = 0; w < WORKERS; w++) {
                spec = spec.withChild(ChildSpec.worker("w" + w, Counter::new));
            }
            specs.add(spec);
        }
        return node.run(ctx -> {
            List<Pid> supervisors = new ArrayList<>();
            Span span = Span.start(node.scheduler());
            for (SupervisorSpec spec : specs) {
                supervisors.add(Supervisor.startLink(ctx, spec).pid());
            }
            span.stop();
            for (Pid supervisor : supervisors) {
                List<ChildInfo> children = Supervisor.whichChildren(ctx, supervisor);
                if (children.size() != WORKERS) {
                    throw new IllegalStateException(supervisor + " has " + children.size() + " children, not " + WORKERS);
                }
                for (ChildInfo child : children) {
                    Pid worker = child.pid().orElseThrow(() -> new IllegalStateException(child + " is not running"));
                    if (!GenServer.call(ctx, worker, Counter.GET).equals(0L)) {
                        throw new IllegalStateException(child + " answered a fresh worker's first call wrongly");
                    }
                }
            }
            return span.sample(new Metric("start", "ms", span.wallNanos() / 1e6));
        });
    }
}
