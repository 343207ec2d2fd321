package dev.cascade.spec;

import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.InitResult;
import dev.cascade.genserver.Result;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.supervisor.ChildSpec;

/** A GenServer that only waits: the workers of the trees these tests break. */
final class Server implements GenServer<String> {
    @Override
    public InitResult<String> init(ProcessContext ctx) {
        return InitResult.ok("idle");
    }

    @Override
    public Result<String> handleInfo(Object message, String state) {
        return Result.noReply(state);
    }

    @Override
    public Result<String> handleCast(Object message, String state) {
        return Result.noReply(state);
    }

    static ChildSpec worker(String id) {
        return ChildSpec.worker(id, Server::new);
    }
}
