package dev.cascade.runtime;

import java.util.Objects;

/**
 * An intentional crash with a short reason word, as Erlang's {@code error(boom)}. A handler that
 * throws {@code new Crash("boom")} ends its process with reason {@code error:boom}.
 */
public final class Crash extends RuntimeException {
    private final String reason;

    /** @param reason the word the crash is known by, e.g. {@code "boom"} */
    public Crash(String reason) {
        super(Objects.requireNonNull(reason, "reason"), null, false, false);
        this.reason = reason;
    }

    /** The reason word. */
    public String reason() {
        return reason;
    }

    static String describe(Throwable error) {
        if (error instanceof Crash crash) {
            return crash.reason;
        }
        String message = error.getMessage();
        return error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
