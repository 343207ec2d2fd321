package dev.cascade.runtime;

/**
 * The code of a process whose result is handed back to the thread that started it with
 * {@link Node#run(ProcessFunction)}.
 */
@FunctionalInterface
public interface ProcessFunction<T> {
    T apply(ProcessContext ctx) throws Exception;
}
