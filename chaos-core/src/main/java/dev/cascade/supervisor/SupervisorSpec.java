package dev.cascade.supervisor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A supervisor's flags and children (otp-semantics 3.1), validated on construction. Children start
 * in list order and stop in reverse.
 *
 * <pre>{@code
 * SupervisorSpec payments = SupervisorSpec.oneForOne()
 *     .withIntensity(3, Duration.ofSeconds(5))
 *     .withChild(ChildSpec.worker("gateway", Gateway::new))
 *     .withChild(ChildSpec.worker("ledger", Ledger::new).withRestart(Restart.TRANSIENT));
 * }</pre>
 *
 * @param intensity more than this many restarts within {@code period} make the supervisor give up (>= 0; OTP's default 1)
 * @param period    the window, counted in exact time with both ends closed (> 0; default 5 s)
 */
public record SupervisorSpec(Strategy strategy, int intensity, Duration period, AutoShutdown autoShutdown,
                             List<ChildSpec> children) {

    public SupervisorSpec {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(autoShutdown, "autoShutdown");
        if (intensity < 0) {
            throw new IllegalArgumentException("intensity must be >= 0 but was: " + intensity);
        }
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be > 0 but was: " + period);
        }
        children = List.copyOf(children);
        Set<String> ids = new HashSet<>();
        for (ChildSpec child : children) {
            if (!ids.add(child.id())) {
                throw new IllegalArgumentException("duplicate child id \"" + child.id() + "\" (duplicate_child_name)");
            }
            if (child.significant() && autoShutdown == AutoShutdown.NEVER) {
                throw new IllegalArgumentException("child \"" + child.id() + "\" is significant but auto-shutdown is never "
                        + "(bad_combination); set withAutoShutdown(ANY_SIGNIFICANT or ALL_SIGNIFICANT) or make it not significant");
            }
        }
    }

    private static SupervisorSpec of(Strategy strategy) {
        return new SupervisorSpec(strategy, 1, Duration.ofSeconds(5), AutoShutdown.NEVER, List.of());
    }

    /** One-for-one, OTP's defaults: intensity 1 in 5 s, no children. */
    public static SupervisorSpec oneForOne() {
        return of(Strategy.ONE_FOR_ONE);
    }

    public static SupervisorSpec oneForAll() {
        return of(Strategy.ONE_FOR_ALL);
    }

    public static SupervisorSpec restForOne() {
        return of(Strategy.REST_FOR_ONE);
    }

    public SupervisorSpec withStrategy(Strategy strategy) {
        return new SupervisorSpec(strategy, intensity, period, autoShutdown, children);
    }

    public SupervisorSpec withIntensity(int intensity, Duration period) {
        return new SupervisorSpec(strategy, intensity, period, autoShutdown, children);
    }

    public SupervisorSpec withAutoShutdown(AutoShutdown autoShutdown) {
        return new SupervisorSpec(strategy, intensity, period, autoShutdown, children);
    }

    /** A copy with {@code child} appended (started after the others). */
    public SupervisorSpec withChild(ChildSpec child) {
        List<ChildSpec> more = new ArrayList<>(children);
        more.add(child);
        return new SupervisorSpec(strategy, intensity, period, autoShutdown, more);
    }
}
