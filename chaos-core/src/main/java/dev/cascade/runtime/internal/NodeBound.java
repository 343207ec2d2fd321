package dev.cascade.runtime.internal;

/**
 * A scheduler that needs to see the node it runs (a simulation reads the processes' waits to find
 * deadlocks). Internal: the node calls {@link #bind} once, when it is created.
 */
public interface NodeBound {
    void bind(Kernel kernel);
}
