package dev.cascade.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * An immutable, ordered set of timed faults. Times count from when the plan is
 * {@linkplain ChaosTree#apply applied}; faults at the same time fire in the order they were added.
 * A plan is checked against a tree when it is bound to it: every path must exist and every fault
 * must be able to apply to its target, or nothing runs at all.
 *
 * <pre>{@code
 * FaultPlan plan = FaultPlan.builder()
 *     .at(Duration.ofMillis(100), Fault.raise("root/app/cache", "boom"))
 *     .at(Duration.ofMillis(300), Fault.kill("root/db"))
 *     .build();
 * }</pre>
 */
public final class FaultPlan {
    /** One fault of a plan and when it fires. */
    public record Timed(Duration at, Fault fault) {
        public Timed {
            Objects.requireNonNull(fault, "fault");
            try {
                FaultChecks.notNegative("the time of fault \"" + fault.describe() + "\"", at);
            } catch (IllegalArgumentException bad) {
                throw new IllegalArgumentException(bad.getMessage() + " (a plan's times count from when it is applied, >= 0)");
            }
        }
    }

    private static final FaultPlan EMPTY = new FaultPlan(List.of());

    private final List<Timed> faults;

    private FaultPlan(List<Timed> faults) {
        List<Timed> ordered = new ArrayList<>(faults);
        ordered.sort(Comparator.comparing(Timed::at)); // stable: equal times keep their order
        this.faults = List.copyOf(ordered);
    }

    /** A plan without faults. */
    public static FaultPlan empty() {
        return EMPTY;
    }

    /** A plan of these faults, all at time zero, in this order. */
    public static FaultPlan now(Fault... faults) {
        Builder builder = builder();
        for (Fault fault : faults) {
            builder.at(Duration.ZERO, fault);
        }
        return builder.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The faults in firing order. */
    public List<Timed> faults() {
        return faults;
    }

    /** A plan with {@code fault} added at {@code at}. */
    public FaultPlan with(Duration at, Fault fault) {
        List<Timed> more = new ArrayList<>(faults);
        more.add(new Timed(at, fault));
        return new FaultPlan(more);
    }

    /** How long the plan runs: its last fault's time. */
    public Duration span() {
        return faults.isEmpty() ? Duration.ZERO : faults.getLast().at();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("FaultPlan[");
        for (Timed timed : faults) {
            text.append("\n  at ").append(timed.at().toMillis()).append(" ms: ").append(timed.fault().describe());
        }
        return text.append(faults.isEmpty() ? "]" : "\n]").toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FaultPlan plan && plan.faults.equals(faults);
    }

    @Override
    public int hashCode() {
        return faults.hashCode();
    }

    /** Builds a plan; each {@link #at} is checked as it is added. */
    public static final class Builder {
        private final List<Timed> faults = new ArrayList<>();

        private Builder() {}

        /** Adds {@code fault} at {@code at} after the plan is applied. */
        public Builder at(Duration at, Fault fault) {
            faults.add(new Timed(at, fault));
            return this;
        }

        public FaultPlan build() {
            return new FaultPlan(faults);
        }
    }
}
