package dev.cascade.chaos.internal;

import dev.cascade.chaos.Fault;
import dev.cascade.genserver.internal.FaultCommand;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.MailboxFullException;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.runtime.Timeout;
import dev.cascade.runtime.internal.Deliveries;
import dev.cascade.runtime.internal.Kernel;
import dev.cascade.runtime.internal.ProcessCell;
import dev.cascade.supervisor.SupervisorSpec;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Fires one fault from an injector process outside the tree (so it is nobody's parent): faults that
 * act at once act on the process holding the path now; the others arm a rule of the {@link Injector},
 * or run in a process of their own (a flood at a rate, an intensity breach).
 */
final class Firing {
    /** A new incarnation of the path a breach is after was started. */
    private record Restarted() {}

    private final Kernel kernel;
    private final Hits hits;
    private final Injector injector;
    private final TreeShape shape;
    private final MethodRules methods;

    Firing(Kernel kernel, Hits hits, Injector injector, MethodRules methods, TreeShape shape) {
        this.methods = methods;
        this.kernel = kernel;
        this.hits = hits;
        this.injector = injector;
        this.shape = shape;
    }

    void fire(ProcessContext ctx, int number, Fault fault) {
        ProcessCell self = ProcessCell.of(ctx);
        switch (fault) {
            case Fault.Raise raise -> onGenServer(self, number, fault, target -> ctx.send(target, new FaultCommand.Raise(raise.reason())));
            case Fault.Stop stop -> onGenServer(self, number, fault, target -> ctx.send(target, new FaultCommand.Stop(stop.reason())));
            case Fault.ExitSignal signal -> onLive(self, number, fault, "exit signal " + signal.reason().describe(),
                    target -> ctx.exit(target, signal.reason()));
            case Fault.Kill kill -> onLive(self, number, fault, "killed", target -> ctx.exit(target, ExitReason.KILL));
            case Fault.SlowHandling slow -> injector.armSlowHandling(number, slow);
            case Fault.SlowStart start -> injector.armStart(number, start);
            case Fault.FailingStart start -> injector.armStart(number, start);
            case Fault.LinkFault link -> injector.armLink(number, link);
            case Fault.SlowerThanCallTimeout slow -> injector.armSlowCallee(number, slow);
            case Fault.InMethod method -> methods.arm(number, method);
            case Fault.Flood flood -> flood(self, number, flood);
            case Fault.IntensityBreach breach -> ctx.spawn(breacher -> breach(ProcessCell.of(breacher), number, breach));
            case Fault.OptionalFault optional -> fire(ctx, number, optional.fault());
        }
    }

    private interface Action {
        void on(Pid target);
    }

    private void onLive(ProcessCell self, int number, Fault fault, String detail, Action action) {
        ProcessCell target = kernel.tree().live(fault.target());
        if (target == null) {
            hits.skip(self, number, fault, hits.noLiveProcess(fault.target()));
            return;
        }
        hits.hit(self, number, fault, target, detail);
        action.on(target.self());
    }

    private void onGenServer(ProcessCell self, int number, Fault fault, Action action) {
        ProcessCell target = kernel.tree().live(fault.target());
        if (target != null && !target.place().isGenServer()) {
            hits.skip(self, number, fault, fault.target() + " is not a GenServer: it has no handler to raise or stop in");
            return;
        }
        onLive(self, number, fault, "", action);
    }

    private void flood(ProcessCell self, int number, Fault.Flood flood) {
        ProcessCell target = kernel.tree().live(flood.target());
        if (target == null) {
            hits.skip(self, number, flood, hits.noLiveProcess(flood.target()));
            return;
        }
        hits.hit(self, number, flood, target, flood.count() + " " + flood.as().noun() + (flood.interval().isZero() ? " at once"
                : ", one every " + flood.interval().toMillis() + " ms"));
        Pid to = target.self();
        long because = self.cause();
        if (flood.interval().isZero()) {
            send(self, to, flood);
        } else {
            self.spawn(flooder -> {
                ProcessCell.of(flooder).causedBy(because);
                send(ProcessCell.of(flooder), to, flood);
            });
        }
    }

    /** Sends the flood's messages; a receiver that rejects them (a full bounded mailbox) does not stop it. */
    private static void send(ProcessCell from, Pid to, Fault.Flood flood) {
        for (int i = 0; i < flood.count(); i++) {
            if (i > 0 && !flood.interval().isZero()) {
                from.sleep(flood.interval());
            }
            try {
                FloodSends.send(from, to, flood.as(), flood.generator().apply(i));
            } catch (MailboxFullException rejected) {
                // traced as dropped (rejected); the flood goes on, as a producer without backpressure would
            }
        }
    }

    /**
     * Kills each new incarnation of the path as soon as it started, intensity + 1 times, so that
     * all the failures fall inside the supervisor's period: it must give up.
     */
    private void breach(ProcessCell self, int number, Fault.IntensityBreach breach) {
        String path = breach.target();
        SupervisorSpec parent = shape.node(path).orElseThrow().parent();
        long needed = parent.intensity() + 1L; // an int would overflow at Integer.MAX_VALUE and skip the fault as "no live process"
        long deadline = kernel.scheduler().nanoTime() + parent.period().toNanos();
        AtomicBoolean done = new AtomicBoolean();
        Pid me = self.self();
        Runnable stopListening = kernel.tree().onStarted(started -> {
            if (!done.get() && path.equals(started.place().path())) {
                Deliveries.deliverHeld(kernel, me, new Restarted());
            }
        });
        long failures = 0;
        while (failures < needed) {
            ProcessCell target = kernel.tree().live(path);
            if (target == null) {
                long left = deadline - kernel.scheduler().nanoTime();
                if (left <= 0 || self.receive(message -> message instanceof Restarted, Timeout.of(Duration.ofNanos(left))).isEmpty()) {
                    break;
                }
                continue;
            }
            failures++;
            hits.hit(self, number, breach, target, "failure " + failures + " of " + needed + " (intensity " + parent.intensity()
                    + " in " + parent.period().toMillis() + " ms)");
            self.exit(target.self(), ExitReason.KILL);
        }
        done.set(true);
        stopListening.run();
        if (failures == 0) {
            hits.skip(self, number, breach, hits.noLiveProcess(path));
        } else if (failures < needed) {
            hits.ledger().fellShort(number, "only " + failures + " of " + needed + " failures fitted in the period: "
                    + path + " was not restarted in time");
        }
    }
}
