package dev.cascade.dynamic.internal;

import dev.cascade.supervisor.ChildSpec;

/** A child's spec, and whether a failed restart of it waits to be retried (stored under its old pid). */
record DynamicChild(ChildSpec spec, boolean restarting) {

    DynamicChild waitingForRetry() {
        return new DynamicChild(spec, true);
    }
}
