package dev.cascade.simulation.internal;

import java.util.ArrayList;
import java.util.List;

/** Every scheduling decision of a run, for the determinism self-check: who ran, at what virtual time. */
final class StepLog {
    private final ArrayList<String> entries = new ArrayList<>();

    void add(long now, String what) {
        entries.add(now + " " + what);
    }

    List<String> entries() {
        return List.copyOf(entries);
    }
}
