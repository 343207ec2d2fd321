package dev.cascade.agent;

import dev.cascade.agent.internal.Sessions;

import java.lang.instrument.Instrumentation;
import java.util.List;

/**
 * An open instrumentation session ({@link CascadeAgent#instrument}): while it is open, the
 * {@link UserCode} it names is woven. Closing it puts every class it changed back as it was, so
 * one test's instrumentation never reaches the next; use it in try-with-resources, or close it in
 * {@code @AfterAll}/{@code @AfterEach}.
 */
public final class Instrumented implements AutoCloseable {
    private final Instrumentation instrumentation;
    private final Sessions.Session session;

    Instrumented(Instrumentation instrumentation, Sessions.Session session) {
        this.instrumentation = instrumentation;
        this.session = session;
    }

    /** What this session weaves. */
    public UserCode code() {
        return session.code();
    }

    /** Whether this session is still open: {@link #close()} has not been called. */
    public boolean isOpen() {
        return session.isOpen();
    }

    /** The user classes woven now, by this and any other open session (binary names). */
    public List<String> wovenClasses() {
        return Sessions.woven();
    }

    /**
     * Puts back every class only this session changed. Idempotent.
     *
     * @throws InstrumentationException if a class loaded while it was open could not be woven (it ran
     *                                  unwoven; the exception names it and why), after everything was put back
     */
    @Override
    public void close() {
        List<String> errors = Sessions.close(instrumentation, session);
        if (!errors.isEmpty()) {
            throw new InstrumentationException("while the session was open, Cascade could not instrument these classes, which "
                    + "ran unchanged: " + String.join("; ", errors), errors);
        }
    }
}
