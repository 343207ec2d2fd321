package dev.cascade.agent.internal;

import dev.cascade.runtime.internal.ProcessCell;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The {@link MethodFaults} of every node that has some armed now. A node's faults only ever hit that node's processes. */
public final class FaultHooks {
    private static final List<MethodFaults> ARMED = new CopyOnWriteArrayList<>();

    private FaultHooks() {}

    public static void arm(MethodFaults faults) {
        ARMED.add(faults);
    }

    public static void disarm(MethodFaults faults) {
        ARMED.remove(faults);
    }

    static boolean any() {
        return !ARMED.isEmpty();
    }

    /** Applies the faults of {@code caller}'s node on {@code site}; the first exception one asks for, or null. */
    static Throwable onCall(ProcessCell caller, Site site) {
        for (MethodFaults faults : ARMED) {
            if (faults.kernel() == caller.kernel()) {
                Throwable thrown = faults.onCall(caller, site);
                if (thrown != null) {
                    return thrown;
                }
            }
        }
        return null;
    }
}
