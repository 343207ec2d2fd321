package dev.cascade.genserver.internal;

import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.StartOptions;
import dev.cascade.genserver.StartResult;
import dev.cascade.runtime.Down;
import dev.cascade.runtime.ExitMessage;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.MonitorRef;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ProcessBody;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.runtime.internal.Deliveries;
import dev.cascade.runtime.internal.Kernel;
import dev.cascade.runtime.internal.ProcessCell;
import dev.cascade.runtime.internal.ViaNames;

import java.util.Optional;

/**
 * The synchronous start of {@code proc_lib}: spawn (linked or not), wait for the init ack
 * (otp-semantics 2.1). The ack is sent before the new process exits, so it always arrives before
 * the process's 'EXIT' (P7); a trapping starter keeps that 'EXIT' in its mailbox, as in OTP 25.
 * A linked process that dies before it acks is another matter: OTP 25's
 * {@code proc_lib:sync_start_link/2} receives that {@code {'EXIT', Pid, R}} itself and returns
 * {@code {error, R}}, so the 'EXIT' is consumed here too.
 */
public final class Starter {
    private Starter() {}

    public static StartResult start(ProcessContext ctx, GenServer<?> server, StartOptions options, boolean link) {
        ProcessCell starter = ProcessCell.of(ctx);
        Optional<Pid> holder = options.name().flatMap(ctx::whereis)
                .or(() -> options.viaName().flatMap(ViaNames.of(starter.kernel())::whereis));
        if (holder.isPresent()) {
            return StartResult.alreadyStarted(holder.get()); // G1: nothing is spawned
        }
        options.viaName().ifPresent(via -> starter.place().nameChild(via.key())); // a dynamic child is named by its key
        long tag = starter.kernel().newTag();
        Pid parent = link ? ctx.self() : null;
        ProcessBody body = child -> new ServerLoop<>(server, parent == null ? child.self() : parent, options,
                result -> Deliveries.send(ProcessCell.of(child), starter.self(), new Protocol.InitAck(tag, result)))
                .run(child);
        Kernel.Spawned spawned = starter.kernel().spawnMonitored(starter, body, link);
        Pid pid = spawned.pid();
        MonitorRef monitor = spawned.monitor();
        Optional<Object> answer = starter.receiveWaitingOn(pid, "start", "init of " + server.getClass().getName(), message ->
                message instanceof Protocol.InitAck ack && ack.tag() == tag
                        || message instanceof Down down && down.ref().equals(monitor), options.initTimeout());
        if (answer.isEmpty()) {
            return killAfterTimeout(ctx, pid, monitor, link); // G2
        }
        ctx.demonitor(monitor, true);
        return switch (answer.get()) {
            case Protocol.InitAck ack -> ack.result();
            case Down down -> {
                if (link) { // the link's 'EXIT' is sent before the DOWN, so a trapping starter has it queued now
                    ctx.receive(message -> message instanceof ExitMessage exit && exit.from().equals(pid),
                            dev.cascade.runtime.Timeout.ofMillis(0));
                }
                yield new StartResult.Failed(down.reason());
            }
            default -> throw new IllegalStateException("unexpected answer " + answer.get());
        };
    }

    private static StartResult killAfterTimeout(ProcessContext ctx, Pid pid, MonitorRef monitor, boolean link) {
        if (link) {
            ctx.unlink(pid);
        }
        ctx.exit(pid, ExitReason.KILL);
        ctx.receive(message -> message instanceof Down down && down.ref().equals(monitor), dev.cascade.runtime.Timeout.INFINITY);
        ctx.receive(message -> message instanceof ExitMessage exit && exit.from().equals(pid), dev.cascade.runtime.Timeout.ofMillis(0));
        return new StartResult.Failed(ExitReason.TIMEOUT);
    }
}
