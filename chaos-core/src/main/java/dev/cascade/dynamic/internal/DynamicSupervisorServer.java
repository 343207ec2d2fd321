package dev.cascade.dynamic.internal;

import dev.cascade.dynamic.DynamicStartResult;
import dev.cascade.dynamic.DynamicSupervisorSpec;
import dev.cascade.dynamic.TerminateChildResult;
import dev.cascade.genserver.CallResult;
import dev.cascade.genserver.From;
import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.InitResult;
import dev.cascade.genserver.Result;
import dev.cascade.genserver.StartResult;
import dev.cascade.runtime.ExitMessage;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.runtime.internal.ProcessCell;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.internal.ChildEntry;
import dev.cascade.supervisor.internal.ChildStarts;
import dev.cascade.supervisor.internal.RestartWindow;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The dynamic supervisor process, its own gen_server as in Elixir (not OTP's supervisor): traps
 * exits, handles its children's 'EXIT's, its API calls and its own retries in mailbox order, and
 * stops all children concurrently when it terminates. An 'EXIT' from its parent (any reason) is
 * handled by the gen_server loop: terminate, then exit with that reason (T1).
 *
 * <pre>{@code
 * GenServer.startLink(ctx, new DynamicSupervisorServer(spec));   // what DynamicSupervisor.startLink does
 * }</pre>
 */
public final class DynamicSupervisorServer implements GenServer<DynamicChildren> {
    private static final System.Logger LOG = System.getLogger("dev.cascade.dynamic");

    private final DynamicSupervisorSpec spec;
    private ProcessContext ctx;
    private Restarts restarts;
    /** How many children without a registry key were started so far, by id: their paths end in {@code <id>-<n>}. */
    private final Map<String, Integer> unnamed = new HashMap<>();

    public DynamicSupervisorServer(DynamicSupervisorSpec spec) {
        this.spec = spec;
    }

    @Override
    public InitResult<DynamicChildren> init(ProcessContext ctx) {
        this.ctx = ctx;
        ctx.trapExit(true);
        DynamicChildren children = new DynamicChildren();
        restarts = new Restarts(spec, children, new RestartWindow(spec.intensity(), spec.period()));
        return InitResult.ok(children);
    }

    @Override
    public CallResult<DynamicChildren> handleCall(Object request, From from, DynamicChildren children) {
        Object answer = switch (request) {
            case Requests.StartChild start -> startChild(start.spec(), children);
            case Requests.TerminateChild terminate -> terminateChild(terminate.pid(), children);
            case Requests.WhichChildren which -> children.info();
            case Requests.CountChildren count -> children.counts();
            default -> throw new IllegalArgumentException("unknown dynamic supervisor request: " + request);
        };
        return CallResult.reply(answer, children);
    }

    @Override
    public Result<DynamicChildren> handleInfo(Object message, DynamicChildren children) {
        return switch (message) {
            case ExitMessage exit -> restarts.childExited(ctx, exit.from(), exit.reason());
            case Requests.RestartRetry retry -> restarts.retry(ctx, retry.pid());
            default -> {
                LOG.log(System.Logger.Level.DEBUG, "dynamic supervisor {0} received unexpected message: {1}", ctx.self(), message);
                yield Result.noReply(children);
            }
        };
    }

    @Override
    public Result<DynamicChildren> handleCast(Object message, DynamicChildren children) {
        return Result.noReply(children); // Elixir's handle_cast ignores everything
    }

    @Override
    public void terminate(ExitReason reason, DynamicChildren children) {
        ConcurrentShutdown.stop(ctx, children.snapshot());
    }

    /** Restarting children count toward the limit; an ignored start stores nothing. */
    private DynamicStartResult startChild(ChildSpec child, DynamicChildren children) {
        if (!spec.maxChildren().admitsOneMore(children.size())) {
            return new DynamicStartResult.MaxChildren();
        }
        ProcessCell self = ProcessCell.of(ctx);
        String here = self.place().path();
        int position = unnamed.getOrDefault(child.id(), 0) + 1;
        String fallback = here == null ? null : here + "/" + child.id() + "-" + position;
        if (here != null) {
            self.place().nameNextChildByKey();
        }
        StartResult result = ChildStarts.start(ctx, new ChildEntry(child), fallback);
        String path = here == null ? null : Objects.requireNonNullElse(self.place().lastChildPath(), fallback);
        return switch (result) {
            case StartResult.Started started -> {
                if (path != null) {
                    if (path.equals(fallback)) {
                        unnamed.put(child.id(), position);
                    }
                    DynamicPaths.of(self.kernel()).add(new DynamicPaths.Child(path, here, child, spec));
                }
                children.put(started.pid(), new DynamicChild(child, path, false));
                yield new DynamicStartResult.Started(started.pid());
            }
            case StartResult.Ignored ignored -> new DynamicStartResult.Ignored();
            case StartResult.Failed failed -> new DynamicStartResult.Failed(failed.reason());
        };
    }

    private TerminateChildResult terminateChild(Pid pid, DynamicChildren children) {
        DynamicChild child = children.get(pid);
        if (child == null) {
            return TerminateChildResult.NOT_FOUND;
        }
        ConcurrentShutdown.stop(ctx, Map.of(pid, child));
        children.remove(pid);
        return TerminateChildResult.OK;
    }
}
