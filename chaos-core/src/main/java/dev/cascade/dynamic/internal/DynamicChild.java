package dev.cascade.dynamic.internal;

import dev.cascade.supervisor.ChildSpec;

/**
 * A child's spec, its tree path (null outside a tree), and whether a failed restart of it waits to
 * be retried (stored under its old pid).
 */
record DynamicChild(ChildSpec spec, String path, boolean restarting) {

    DynamicChild waitingForRetry() {
        return new DynamicChild(spec, path, true);
    }

    /** How the trace names it: its path, or its id outside a tree. */
    String name() {
        return path == null ? spec.id() : path;
    }
}
