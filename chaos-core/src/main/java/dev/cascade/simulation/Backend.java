package dev.cascade.simulation;

/**
 * How a {@link SimulatedScheduler} keeps to one thread of control. Both give the same runs for the
 * same seed; they differ in speed and in what blocking inside a handler they can order.
 */
public enum Backend {
    /**
     * Virtual threads run on the simulator's own single-threaded executor: every park, including
     * {@code java.util.concurrent} locks and queues and virtual threads a handler starts, hands
     * control back to the simulator. Needs {@code --add-opens=java.base/java.lang=ALL-UNNAMED}.
     */
    EXECUTOR("executor (virtual threads on the simulator's executor)"),

    /**
     * Baton passing, no JDK internals: one thread holds the baton at a time and hands it back when
     * it waits in the runtime. Blocking outside the runtime (a {@code java.util.concurrent} lock, a
     * latch) still works, but its wake-up cannot be ordered: the run is reported as not reproducible.
     */
    BATON("baton passing (no JDK internals)");

    private final String description;

    Backend(String description) {
        this.description = description;
    }

    /** A short description for reports. */
    public String description() {
        return description;
    }
}
