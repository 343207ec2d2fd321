package dev.cascade.runtime.internal;

/**
 * A scheduler that needs to see the node it runs (a simulation reads the processes' waits to find
 * deadlocks). Internal: the node calls {@link #bind} once, when it is created.
 */
public interface NodeBound {
    void bind(Kernel kernel);

    /** The node is about to be acted on from outside its processes: {@code action} is "run", "exit", "spawn" or "close". */
    void fromOutside(String action);
}
