package dev.cascade.spec;

import dev.cascade.chaos.Fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The one-step simplifications of a fault the shrinker tries: another target, a simpler kind, smaller counts. */
final class FaultEdits {
    private FaultEdits() {}

    /** How simple a kind is: a plain crash first, a woven method fault last. */
    static int rank(Fault fault) {
        return switch (fault) {
            case Fault.Raise r -> 0;
            case Fault.Kill k -> 1;
            case Fault.ExitSignal e -> 2;
            case Fault.Stop s -> 3;
            case Fault.SlowHandling s -> 4;
            case Fault.SlowStart s -> 5;
            case Fault.FailingStart f -> 6;
            case Fault.Flood f -> 7;
            case Fault.LinkFault l -> 8;
            case Fault.IntensityBreach b -> 9;
            case Fault.SlowerThanCallTimeout s -> 10;
            case Fault.InMethod m -> 11;
            case Fault.OptionalFault o -> rank(o.fault());
        };
    }

    /** The same kind of fault aimed at each child of its target, when the target is a supervisor. */
    static List<Fault> nearerLeaves(Fault fault, TreeOutline tree) {
        if (fault instanceof Fault.InMethod) {
            return List.of();
        }
        List<Fault> nearer = new ArrayList<>();
        tree.node(fault.target()).ifPresent(node -> node.children().forEach(child -> nearer.add(retarget(fault, child))));
        return nearer;
    }

    /** A crash ({@code raise}), then a {@code kill}, of the same target, when simpler than {@code fault}. */
    static List<Fault> simplerKinds(Fault fault) {
        if (fault instanceof Fault.InMethod || fault.target().isEmpty()) {
            return List.of();
        }
        List<Fault> simpler = new ArrayList<>();
        if (rank(fault) > 0) {
            simpler.add(Fault.raise(fault.target(), "boom"));
        }
        if (rank(fault) > 1) {
            simpler.add(Fault.kill(fault.target()));
        }
        return simpler;
    }

    /** The fault with smaller delays, counts, windows or fewer start attempts. */
    static List<Fault> smaller(Fault fault) {
        List<Fault> smaller = new ArrayList<>();
        switch (fault) {
            case Fault.OptionalFault o -> smaller(o.fault()).forEach(edit -> smaller.add(new Fault.OptionalFault(edit)));
            case Fault.SlowHandling s -> {
                half(s.delay()).ifPresent(d -> smaller.add(new Fault.SlowHandling(s.target(), d, s.matching(), s.window(), s.messages())));
                if (s.messages() != 1) {
                    smaller.add(new Fault.SlowHandling(s.target(), s.delay(), s.matching(), s.window(), s.messages() == 0 ? 1 : s.messages() / 2));
                }
            }
            case Fault.SlowStart s -> {
                half(s.delay()).ifPresent(d -> smaller.add(new Fault.SlowStart(s.target(), d, s.attempts())));
                if (s.attempts().size() > 1) {
                    s.attempts().stream().sorted().forEach(a -> smaller.add(new Fault.SlowStart(s.target(), s.delay(), Set.of(a))));
                }
            }
            case Fault.FailingStart f -> {
                if (f.attempts().size() > 1) {
                    f.attempts().stream().sorted().forEach(a -> smaller.add(new Fault.FailingStart(f.target(), f.reason(), Set.of(a))));
                }
            }
            case Fault.Flood f -> {
                if (f.count() > 1) {
                    smaller.add(new Fault.Flood(f.target(), f.count() / 2, f.generator(), f.interval(), f.as()));
                }
            }
            case Fault.LinkFault l -> {
                half(l.window()).ifPresent(w -> smaller.add(new Fault.LinkFault(l.from(), l.to(), l.effect(), l.delay(), w)));
                if (l.effect() == Fault.LinkEffect.DELAY) {
                    half(l.delay()).ifPresent(d -> smaller.add(new Fault.LinkFault(l.from(), l.to(), l.effect(), d, l.window())));
                }
            }
            case Fault.SlowerThanCallTimeout s -> {
                if (s.calls() > 1) {
                    smaller.add(new Fault.SlowerThanCallTimeout(s.target(), s.caller(), s.calls() / 2));
                }
            }
            case Fault.InMethod m -> {
                if (m.delay() != null) {
                    half(m.delay()).ifPresent(d -> smaller.add(new Fault.InMethod(m.method(), d, null, null, m.nth(), m.window(), m.caller())));
                }
            }
            case Fault.Raise r -> { }
            case Fault.Kill k -> { }
            case Fault.ExitSignal e -> { }
            case Fault.Stop s -> { }
            case Fault.IntensityBreach b -> { }
        }
        return smaller;
    }

    private static java.util.Optional<Duration> half(Duration duration) {
        long half = duration.toMillis() / 2;
        return half >= 1 ? java.util.Optional.of(Duration.ofMillis(half)) : java.util.Optional.empty();
    }

    static Fault retarget(Fault fault, String path) {
        return switch (fault) {
            case Fault.Raise r -> new Fault.Raise(path, r.reason());
            case Fault.Stop s -> new Fault.Stop(path, s.reason());
            case Fault.ExitSignal e -> new Fault.ExitSignal(path, e.reason());
            case Fault.Kill k -> new Fault.Kill(path);
            case Fault.SlowHandling s -> new Fault.SlowHandling(path, s.delay(), s.matching(), s.window(), s.messages());
            case Fault.SlowStart s -> new Fault.SlowStart(path, s.delay(), s.attempts());
            case Fault.FailingStart f -> new Fault.FailingStart(path, f.reason(), f.attempts());
            case Fault.Flood f -> new Fault.Flood(path, f.count(), f.generator(), f.interval(), f.as());
            case Fault.LinkFault l -> new Fault.LinkFault(l.from(), path, l.effect(), l.delay(), l.window());
            case Fault.IntensityBreach b -> new Fault.IntensityBreach(path);
            case Fault.SlowerThanCallTimeout s -> new Fault.SlowerThanCallTimeout(path, s.caller(), s.calls());
            case Fault.InMethod m -> m;
            case Fault.OptionalFault o -> retarget(o.fault(), path).optional();
        };
    }
}
