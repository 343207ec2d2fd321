package dev.cascade.runtime;

/**
 * The code a process runs. Returning ends the process with {@code normal}; throwing an
 * {@link ExitException} ends it with that reason; any other exception ends it with
 * {@link ExitReason.Raised}.
 */
@FunctionalInterface
public interface ProcessBody {
    void run(ProcessContext ctx) throws Exception;
}
