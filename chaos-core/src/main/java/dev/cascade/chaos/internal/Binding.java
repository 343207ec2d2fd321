package dev.cascade.chaos.internal;

import dev.cascade.internal.Echo;

import dev.cascade.chaos.Fault;
import dev.cascade.chaos.FaultPlanException;
import dev.cascade.runtime.internal.TreeIndex;
import dev.cascade.supervisor.Restart;

import java.util.Optional;

/**
 * Checks a fault against the tree it is bound to, before anything runs: every path exists and the
 * fault can apply to what is there. This is the one place a plan is validated, for plans built in
 * Java ({@link dev.cascade.chaos.ChaosTree}) and for scenario files alike; each rule says why in the words of the
 * plan's {@link Vocabulary}, and names the field of the fault it is about.
 */
public final class Binding {
    /** Whose words a refusal is in: the Java API's ({@code Fault.kill}) or a scenario file's ({@code kill}). */
    public enum Vocabulary { JAVA, FILE }

    /**
     * Why a fault cannot apply.
     *
     * @param field   the fault's field at fault, as a scenario file names it: {@code target}, {@code kind},
     *                {@code from} or {@code caller}
     * @param problem why, and what would be valid
     */
    public record Refusal(String field, String problem) {}

    private final TreeShape shape;
    private final Vocabulary words;

    public Binding(TreeShape shape, Vocabulary words) {
        this.shape = shape;
        this.words = words;
    }

    /** Throws {@link FaultPlanException} if {@code fault} cannot apply to this tree. */
    public void check(Fault fault) {
        refusal(fault).ifPresent(refused -> {
            throw fail(fault, refused.problem());
        });
    }

    /**
     * Throws {@link FaultPlanException} if {@code fault} cannot apply to the tree as it is now: a
     * flood needs a live receiver when it is injected or planned.
     */
    public void checkLive(Fault fault, TreeIndex live) {
        check(fault);
        Fault acting = fault instanceof Fault.OptionalFault optional ? optional.fault() : fault;
        if (acting instanceof Fault.Flood flood && live.live(flood.target()) == null) {
            throw fail(fault, flood.target() + " has no live process now (a temporary child that ended, a child "
                    + "that is restarting, or a subtree whose supervisor gave up); a flood needs a receiver: "
                    + "target a live path");
        }
    }

    /** Why {@code fault} cannot apply to this tree, if it cannot. */
    public Optional<Refusal> refusal(Fault fault) {
        if (fault instanceof Fault.OptionalFault optional) {
            return refusal(optional.fault());
        }
        if (fault instanceof Fault.InMethod method) {
            if (method.caller() != null && !exists(method.caller())) {
                return missing("caller", method.caller());
            }
            return MethodChecks.declares(method).map(why -> new Refusal("kind", why));
        }
        String target = fault.target();
        if (!exists(target)) {
            return missing("target", target);
        }
        TreeShape.Node node = shape.node(target).orElseThrow();
        return Optional.ofNullable(switch (fault) {
            case Fault.Raise raise -> needsWorker(node, "raise", "use Fault.kill or Fault.exitSignal for a supervisor");
            case Fault.Stop stop -> needsWorker(node, "stop", "use Fault.exitSignal for a supervisor");
            case Fault.SlowStart start -> notRoot(node, "slow_start");
            case Fault.FailingStart start -> notRoot(node, "failing_start");
            case Fault.LinkFault link -> link(link);
            case Fault.IntensityBreach breach -> breachable(node);
            case Fault.SlowerThanCallTimeout slow -> callee(node, slow);
            case Fault.Flood flood -> null;
            case Fault.ExitSignal signal -> null;
            case Fault.Kill kill -> null;
            case Fault.SlowHandling slow -> null;
            case Fault.InMethod method -> null;
            case Fault.OptionalFault optional -> null; // refused above, as its fault
        });
    }

    private boolean exists(String path) {
        return shape.node(path).isPresent();
    }

    private Optional<Refusal> missing(String field, String path) {
        return Optional.of(new Refusal(field, words == Vocabulary.FILE
                ? "no node at path " + Echo.quoted(path) + " (paths: " + shape.listing(20) + ")"
                : shape.noSuchPath(path)));
    }

    private Refusal needsWorker(TreeShape.Node node, String kind, String instead) {
        if (!node.supervisor()) {
            return null;
        }
        return new Refusal("kind", words == Vocabulary.FILE
                ? kind + " needs a worker but " + node.path() + " is a supervisor, which runs no handler to " + kind
                        + " in; use kill or exit_signal on a supervisor"
                : node.path() + " is a supervisor, and a supervisor runs no handler of yours to raise or stop in; " + instead);
    }

    private Refusal notRoot(TreeShape.Node node, String kind) {
        if (node.child() != null) {
            return null;
        }
        return new Refusal("target", words == Vocabulary.FILE
                ? kind + " cannot target the root " + node.path() + ": it starts once, before any fault applies; target a child path"
                : node.path() + " is the root, which is started once, before any plan applies; target a child path");
    }

    private Refusal link(Fault.LinkFault link) {
        if (!exists(link.from())) {
            return missing("from", link.from()).orElseThrow();
        }
        if (!link.from().equals(link.to())) {
            return null;
        }
        return new Refusal("from", words == Vocabulary.FILE
                ? "from and target are both " + link.to() + "; a " + link.effect().name().toLowerCase(java.util.Locale.ROOT)
                        + " fault needs two different paths"
                : "from and to are both " + link.to() + "; a link fault needs two different paths");
    }

    private Refusal breachable(TreeShape.Node node) {
        boolean file = words == Vocabulary.FILE;
        if (node.parent() == null) {
            return new Refusal("target", file
                    ? "breach_intensity cannot target the root " + node.path() + ": no supervisor above it counts its restarts;"
                            + " target a child path"
                    : node.path() + " is the root: no supervisor above it counts its restarts; target a child path");
        }
        if (node.child().restart() == Restart.TEMPORARY) {
            return new Refusal("target", node.path() + " is temporary: its supervisor never restarts it, so "
                    + (file ? "its failures cannot" : "no failures of it can")
                    + " breach the intensity; target a permanent or transient child");
        }
        if (node.parent().intensity() == 0) {
            return new Refusal("target", file
                    ? "the supervisor of " + node.path() + " has intensity 0: its first failure already ends it, so there is"
                            + " no limit to breach; use kill"
                    : "the supervisor of " + node.path() + " has intensity 0: it tolerates no restart in any window, "
                            + "so there is no limit to breach (its first failure already ends it); use Fault.kill");
        }
        return null;
    }

    /**
     * In a scenario file calls come only from workers' sends to other workers, so a call_timeout
     * anywhere else could never fire. A Java tree's processes may call in ways its shape does not
     * show, so there only the caller's path must exist.
     */
    private Refusal callee(TreeShape.Node node, Fault.SlowerThanCallTimeout slow) {
        String caller = slow.caller();
        if (caller != null && !exists(caller)) {
            return missing("caller", caller).orElseThrow();
        }
        if (words == Vocabulary.JAVA) {
            return null;
        }
        if (node.supervisor()) {
            return new Refusal("kind", "call_timeout needs a worker but " + node.path() + " is a supervisor, which is not"
                    + " called by sends; target a worker that sends call to");
        }
        if (caller != null && shape.node(caller).orElseThrow().supervisor()) {
            return new Refusal("caller", caller + " is a supervisor; only workers make calls (with sends)");
        }
        if (caller != null && caller.equals(slow.target())) {
            return new Refusal("caller", "caller and target are both " + caller + "; a worker does not call itself");
        }
        return null;
    }

    static FaultPlanException fail(Fault fault, String why) {
        return new FaultPlanException("fault " + Echo.quoted(fault.describe()) + ": " + why);
    }
}
