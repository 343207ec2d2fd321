package dev.cascade.agent;

import java.util.List;

/** Cascade could not weave user classes it was asked to; nothing was left half done. {@link #failures()} names each class and why. */
public final class InstrumentationException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final List<String> failures;

    public InstrumentationException(String message, List<String> failures) {
        super(message);
        this.failures = List.copyOf(failures);
    }

    /** Each class that could not be woven, with the reason. */
    public List<String> failures() {
        return failures;
    }
}
