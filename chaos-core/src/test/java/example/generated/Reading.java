package example.generated;

import java.util.function.LongSupplier;

/**
 * A record that reads the clock: its toString, equals and hashCode are invokedynamic calls with
 * field method handles, which the clock weaving must pass through untouched.
 */
public record Reading(String what, long atNanos) implements LongSupplier {
    /** The clock, read by the (possibly woven) record itself. */
    @Override
    public long getAsLong() {
        return System.nanoTime();
    }
}
