package dev.cascade.chaos.internal;

import dev.cascade.chaos.Fault;
import dev.cascade.chaos.FaultPlanException;
import dev.cascade.runtime.internal.TreeIndex;
import dev.cascade.supervisor.Restart;

/**
 * Checks a fault against the tree it is bound to, before anything runs: every path exists and the
 * fault can apply to what is there. Each message names the fault, the value, and what would be valid.
 */
public final class Binding {
    private final TreeShape shape;
    private final TreeIndex live;

    public Binding(TreeShape shape, TreeIndex live) {
        this.shape = shape;
        this.live = live;
    }

    /** Throws {@link FaultPlanException} if {@code fault} cannot apply to this tree. */
    public void check(Fault fault) {
        if (fault instanceof Fault.InMethod method) {
            if (method.caller() != null) {
                existing(fault, method.caller());
            }
            MethodChecks.declares(method).ifPresent(why -> {
                throw fail(fault, why);
            });
            return;
        }
        TreeShape.Node node = existing(fault, fault.target());
        switch (fault) {
            case Fault.Raise raise -> needsWorker(fault, node, "use Fault.kill or Fault.exitSignal for a supervisor");
            case Fault.Stop stop -> needsWorker(fault, node, "use Fault.exitSignal for a supervisor");
            case Fault.SlowStart start -> notRoot(fault, node);
            case Fault.FailingStart start -> notRoot(fault, node);
            case Fault.Flood flood -> {
                if (live.live(flood.target()) == null) {
                    throw fail(fault, flood.target() + " has no live process now (a temporary child that ended, a child "
                            + "that is restarting, or a subtree whose supervisor gave up); a flood needs a receiver: "
                            + "target a live path");
                }
            }
            case Fault.LinkFault link -> {
                existing(fault, link.from());
                if (link.from().equals(link.to())) {
                    throw fail(fault, "from and to are both " + link.to() + "; a link fault needs two different paths");
                }
            }
            case Fault.IntensityBreach breach -> breachable(fault, node);
            case Fault.SlowerThanCallTimeout slow -> {
                if (slow.caller() != null) {
                    existing(fault, slow.caller());
                }
            }
            case Fault.ExitSignal signal -> { }
            case Fault.Kill kill -> { }
            case Fault.SlowHandling slow -> { }
            case Fault.InMethod method -> { }
        }
    }

    private TreeShape.Node existing(Fault fault, String path) {
        return shape.node(path).orElseThrow(() -> fail(fault, shape.noSuchPath(path)));
    }

    private static void needsWorker(Fault fault, TreeShape.Node node, String instead) {
        if (node.supervisor()) {
            throw fail(fault, node.path() + " is a supervisor, and a supervisor runs no handler of yours to raise or stop in; "
                    + instead);
        }
    }

    private static void notRoot(Fault fault, TreeShape.Node node) {
        if (node.child() == null) {
            throw fail(fault, node.path() + " is the root, which is started once, before any plan applies; "
                    + "target a child path");
        }
    }

    private static void breachable(Fault fault, TreeShape.Node node) {
        if (node.parent() == null) {
            throw fail(fault, node.path() + " is the root: no supervisor above it counts its restarts; target a child path");
        }
        if (node.child().restart() == Restart.TEMPORARY) {
            throw fail(fault, node.path() + " is temporary: its supervisor never restarts it, so no failures of it can "
                    + "breach the intensity; target a permanent or transient child");
        }
        if (node.parent().intensity() == 0) {
            throw fail(fault, "the supervisor of " + node.path() + " has intensity 0: it tolerates no restart in any window, "
                    + "so there is no limit to breach (its first failure already ends it); use Fault.kill");
        }
    }

    static FaultPlanException fail(Fault fault, String why) {
        return new FaultPlanException("fault \"" + fault.describe() + "\": " + why);
    }
}
