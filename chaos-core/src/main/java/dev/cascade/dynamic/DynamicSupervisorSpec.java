package dev.cascade.dynamic;

import java.time.Duration;
import java.util.Objects;

/**
 * The flags of a {@link DynamicSupervisor} (otp-semantics 4.2), validated on construction. The
 * strategy is always one-for-one, the only one Elixir accepts, so it is not a field.
 *
 * <pre>{@code
 * DynamicSupervisorSpec spec = DynamicSupervisorSpec.DEFAULT
 *     .withIntensity(10, Duration.ofSeconds(1))
 *     .withMaxChildren(ChildLimit.atMost(500));
 * }</pre>
 *
 * <p>Elixir's {@code :extra_arguments} (arguments prepended to every child's start arguments) has
 * no counterpart: a {@link dev.cascade.supervisor.ChildStart} is a Java function that captures
 * whatever it needs, so there is nothing to prepend to.
 *
 * @param intensity   more than this many restarts within {@code period} make the supervisor give up
 *                    and exit {@code shutdown} (>= 0; Elixir's default 3)
 * @param period      the window, counted in exact time with both ends closed, as the static
 *                    supervisor does (> 0; default 5 s)
 * @param maxChildren how many children may exist at once, restarting ones included (default unbounded)
 */
public record DynamicSupervisorSpec(int intensity, Duration period, ChildLimit maxChildren) {

    /** Elixir's defaults: intensity 3 in 5 s, no limit on children. */
    public static final DynamicSupervisorSpec DEFAULT =
            new DynamicSupervisorSpec(3, Duration.ofSeconds(5), ChildLimit.UNBOUNDED);

    public DynamicSupervisorSpec {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(maxChildren, "maxChildren");
        if (intensity < 0) {
            throw new IllegalArgumentException("intensity must be >= 0 but was: " + intensity);
        }
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be > 0 but was: " + period);
        }
    }

    public DynamicSupervisorSpec withIntensity(int intensity, Duration period) {
        return new DynamicSupervisorSpec(intensity, period, maxChildren);
    }

    public DynamicSupervisorSpec withMaxChildren(ChildLimit maxChildren) {
        return new DynamicSupervisorSpec(intensity, period, maxChildren);
    }
}
