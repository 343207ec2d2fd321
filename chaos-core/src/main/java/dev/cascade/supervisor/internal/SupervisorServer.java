package dev.cascade.supervisor.internal;

import dev.cascade.genserver.CallResult;
import dev.cascade.genserver.From;
import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.InitResult;
import dev.cascade.genserver.Result;
import dev.cascade.genserver.StartResult;
import dev.cascade.runtime.Crash;
import dev.cascade.runtime.ExitMessage;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.FailedToStartChild;
import dev.cascade.supervisor.SupervisorSpec;

/**
 * The supervisor process, a gen_server as in OTP: traps exits before starting its children,
 * handles its children's 'EXIT's, its API calls and its own retries in mailbox order, and stops its
 * children newest first when it terminates. An 'EXIT' from its parent (any reason, {@code normal}
 * included) is handled by the gen_server loop: terminate, then exit with that reason (T1);
 * 'EXIT's from other processes are ignored (S1, T2).
 */
public final class SupervisorServer implements GenServer<ChildTable> {
    private final SupervisorSpec spec;
    private ProcessContext ctx;
    private Restarts restarts;

    public SupervisorServer(SupervisorSpec spec) {
        this.spec = spec;
    }

    @Override
    public InitResult<ChildTable> init(ProcessContext ctx) {
        this.ctx = ctx;
        ctx.trapExit(true);
        ChildTable table = new ChildTable();
        restarts = new Restarts(spec, table);
        for (ChildSpec child : spec.children()) {
            ChildEntry entry = new ChildEntry(child);
            StartResult result = ChildStarts.start(ctx, entry);
            if (result instanceof StartResult.Failed failed) {
                stopAll(table); // 3.3: started children stop newest first; later ones never start
                return InitResult.stop(ExitReason.shutdown(new FailedToStartChild(child.id(), failed.reason())));
            }
            if (!(result instanceof StartResult.Ignored && entry.temporary())) {
                table.add(entry);
            }
        }
        return InitResult.ok(table);
    }

    @Override
    public Result<ChildTable> handleInfo(Object message, ChildTable table) {
        if (message instanceof ExitMessage exit) {
            ChildEntry entry = table.findByPid(exit.from());
            if (entry != null) {
                return restarts.childExited(ctx, entry, exit.reason());
            }
        }
        return Result.noReply(table); // S1: not a child
    }

    @Override
    public Result<ChildTable> handleCast(Object message, ChildTable table) {
        if (message instanceof Requests.TryAgainRestart retry) {
            return restarts.retry(ctx, retry.id());
        }
        // OTP 25's handle_cast/2 has the one clause {try_again_restart, Id}: any other cast is a
        // function_clause error, so the supervisor terminates (its children stopped, newest first)
        // with reason {function_clause, Stack}, error:function_clause here.
        throw new Crash("function_clause");
    }

    @Override
    public CallResult<ChildTable> handleCall(Object request, From from, ChildTable table) {
        Object answer = new ChildApi(ctx, table, spec.autoShutdown()).answer(request);
        return CallResult.reply(answer, table);
    }

    @Override
    public void terminate(ExitReason reason, ChildTable table) {
        stopAll(table);
    }

    private void stopAll(ChildTable table) {
        for (ChildEntry entry : table.newestFirst()) {
            if (entry.running()) {
                ShutdownProtocol.stop(ctx, entry.pid, entry.spec.shutdown(), entry.spec.restart(), entry.id());
                entry.pid = null;
            }
        }
    }
}
