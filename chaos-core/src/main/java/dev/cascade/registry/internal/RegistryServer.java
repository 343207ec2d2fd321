package dev.cascade.registry.internal;

import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.InitResult;
import dev.cascade.genserver.Result;
import dev.cascade.runtime.ExitMessage;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.runtime.internal.ProcessCell;

/**
 * The registry process, Elixir's registry partition: owns the table (it disappears with the process,
 * as an ETS table does with its owner), traps exits, and removes a registrant's keys when the
 * registrant's 'EXIT' arrives. An 'EXIT' from its parent stops it (gen_server loop, T1).
 *
 * <pre>{@code
 * GenServer.start(ctx, new RegistryServer("sessions"), StartOptions.named("sessions"));   // Registry.start
 * }</pre>
 */
public final class RegistryServer implements GenServer<RegistryTable> {
    private final String name;

    public RegistryServer(String name) {
        this.name = name;
    }

    @Override
    public InitResult<RegistryTable> init(ProcessContext ctx) {
        ctx.trapExit(true);
        RegistryTables tables = RegistryTables.of(ctx);
        RegistryTable table = new RegistryTable(name, ctx.self(), tables);
        tables.attach(table);
        // Also when killed, which runs none of this process's code.
        ProcessCell.of(ctx).termination().whenComplete((reason, error) -> tables.detach(table));
        return InitResult.ok(table);
    }

    @Override
    public Result<RegistryTable> handleInfo(Object message, RegistryTable table) {
        if (message instanceof ExitMessage exit) {
            table.forget(exit.from());
        }
        return Result.noReply(table);
    }
}
