package dev.cascade.chaos.internal;

/** A message in a few words for ledger lines. */
final class Summary {
    private static final int LIMIT = 40;

    private Summary() {}

    static String of(Object message) {
        String text = String.valueOf(message);
        return text.length() <= LIMIT ? text : text.substring(0, LIMIT - 1) + "…";
    }
}
