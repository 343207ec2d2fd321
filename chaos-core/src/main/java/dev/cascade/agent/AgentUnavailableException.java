package dev.cascade.agent;

/**
 * The agent could not be installed into this JVM, or was installed but cannot change classes. The
 * message names the JVM flag that is missing and exactly where to put it (Maven Surefire, Gradle,
 * an IDE).
 */
public final class AgentUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AgentUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
