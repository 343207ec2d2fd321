package dev.acme;

import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.InitResult;
import dev.cascade.runtime.ProcessContext;

/** A worker that only starts. */
public final class Worker implements GenServer<ProcessContext> {
    @Override
    public InitResult<ProcessContext> init(ProcessContext ctx) {
        return InitResult.ok(ctx);
    }
}
