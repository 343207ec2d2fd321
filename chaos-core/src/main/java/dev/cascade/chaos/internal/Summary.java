package dev.cascade.chaos.internal;

import dev.cascade.internal.Echo;

/** A message in a few words for ledger lines. */
final class Summary {
    private static final int LIMIT = 40;

    private Summary() {}

    static String of(Object message) {
        return Echo.shortened(String.valueOf(message), LIMIT);
    }
}
