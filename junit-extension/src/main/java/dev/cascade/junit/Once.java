package dev.cascade.junit;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * A value worked out on first use and kept, for what a closed test is asked for several times (its trees' traces,
 * read once for the failure, the files and the record), without a null meaning "not yet". Not synchronized, as
 * the plain fields it replaced in {@link TestRun} were not.
 */
final class Once<T> {
    private final Supplier<T> work;
    private Optional<T> kept = Optional.empty();

    /** {@code work} must not return null. */
    Once(Supplier<T> work) {
        this.work = work;
    }

    T get() {
        if (kept.isEmpty()) {
            kept = Optional.of(work.get());
        }
        return kept.get();
    }
}
