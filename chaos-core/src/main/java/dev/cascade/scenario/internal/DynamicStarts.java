package dev.cascade.scenario.internal;

import dev.cascade.dynamic.DynamicStartResult;
import dev.cascade.dynamic.DynamicSupervisor;
import dev.cascade.dynamic.internal.DynamicPaths;
import dev.cascade.runtime.CallFailedException;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.runtime.internal.ProcessCell;
import dev.cascade.scenario.DynamicStart;
import dev.cascade.scenario.DynamicSupervisorNode;
import dev.cascade.scenario.SupervisorNode;
import dev.cascade.scenario.WorkerNode;
import dev.cascade.trace.TraceEvent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The starts of a scenario's dynamic supervisors, as a process outside the tree asks for them:
 * {@code DynamicSupervisor.start_child} to the process holding the supervisor's path at the start's
 * time. What the runtime does not trace itself — a start refused {@code {error, max_children}}, or
 * asked of a supervisor with no live process ({@code noproc}) — is traced as the start's
 * {@code StartFailed} at the child's path. Not API.
 */
public final class DynamicStarts {
    /** The reason of a start refused because the supervisor has as many children as it may: Elixir's {@code :max_children}. */
    public static final ExitReason MAX_CHILDREN = ExitReason.custom("max_children");

    /**
     * One start, where it goes.
     *
     * @param supervisor the dynamic supervisor's path
     * @param node       the dynamic supervisor
     * @param template   the worker it starts
     * @param start      when, and under which key
     */
    public record Planned(String supervisor, DynamicSupervisorNode node, WorkerNode template, DynamicStart start) {
        /** The child's path: {@code root/sessions/alice}. */
        public String path() {
            return supervisor + "/" + start.key();
        }
    }

    private DynamicStarts() {}

    /** Every start of {@code tree}, by time; equal times in file (tree, then starts) order. */
    public static List<Planned> of(SupervisorNode tree) {
        List<Planned> planned = new ArrayList<>();
        TreePaths.index(tree).forEach((path, node) -> {
            if (node instanceof DynamicSupervisorNode dynamic) {
                var templates = dynamic.templatesById();
                dynamic.starts().forEach(start -> planned.add(new Planned(path, dynamic, templates.get(start.template()), start)));
            }
        });
        planned.sort(Comparator.comparing((Planned p) -> p.start().at())); // stable
        return planned;
    }

    /** Makes every planned path known to the node, so faults bind to it before its child started. */
    public static void expect(ProcessContext ctx, List<Planned> planned) {
        DynamicPaths paths = DynamicPaths.of(ProcessCell.of(ctx).kernel());
        for (Planned p : planned) {
            paths.expect(new DynamicPaths.Child(p.path(), p.supervisor(),
                    TreeSpecs.dynamicChild(p.template(), p.start().key()), TreeSpecs.flags(p.node())));
        }
    }

    /** Asks for {@code p} now, from {@code ctx} (a process outside the tree); returns what the supervisor answered. */
    public static DynamicStartResult start(ProcessContext ctx, Planned p) {
        ProcessCell self = ProcessCell.of(ctx);
        ProcessCell supervisor = self.kernel().tree().live(p.supervisor());
        DynamicStartResult result;
        if (supervisor == null) {
            result = new DynamicStartResult.Failed(ExitReason.NOPROC); // start_child to a dead supervisor exits noproc
        } else {
            try {
                result = DynamicSupervisor.startChild(ctx, supervisor.self(), TreeSpecs.dynamicChild(p.template(), p.start().key()));
            } catch (CallFailedException died) { // the supervisor ended before it answered
                result = new DynamicStartResult.Failed(ExitReason.NOPROC);
            }
        }
        ExitReason untraced = switch (result) {
            case DynamicStartResult.MaxChildren m -> MAX_CHILDREN;
            case DynamicStartResult.Failed f when f.reason().equals(ExitReason.NOPROC) -> ExitReason.NOPROC;
            default -> null; // started, ignored or failed in its init: the runtime traced it at the child's path
        };
        if (untraced != null && self.kernel().tracer() != null) {
            self.trace((id, at) -> new TraceEvent.StartFailed(id, at, TraceEvent.causeOf(self.cause()), p.path(), untraced));
        }
        return result;
    }

    /** The times at which something happens: each start's and each fault's, ascending, without repeats. */
    public static List<Duration> instants(List<Planned> planned, List<Duration> faults) {
        TreeSet<Duration> times = new TreeSet<>(faults);
        planned.forEach(p -> times.add(p.start().at()));
        return List.copyOf(times);
    }
}
