package dev.cascade.gate.internal;

import java.util.LinkedHashMap;

/** Snapshots for tests: {@code Runs.simulated("t").count("restarts[p:root/a]", 3).build()}. */
final class Runs {
    private final String test;
    private final String mode;
    private final long seed;
    private final LinkedHashMap<String, Reading> readings = new LinkedHashMap<>();

    private Runs(String test, String mode, long seed) {
        this.test = test;
        this.mode = mode;
        this.seed = seed;
        readings.put("outcome", new Reading.Label("passed"));
    }

    static Runs simulated(String test) {
        return new Runs(test, "simulated", 42);
    }

    static Runs real(String test) {
        return new Runs(test, "real", 42);
    }

    Runs count(String key, long value) {
        readings.put(key, new Reading.Count(value));
        return this;
    }

    Runs label(String key, String value) {
        readings.put(key, new Reading.Label(value));
        return this;
    }

    Runs absent(String key) {
        readings.put(key, new Reading.Absent("none"));
        return this;
    }

    Snapshot build() {
        return new Snapshot(test, "[engine:junit-jupiter]/[class:" + test + "]", seed, mode,
                "mvn test -Dtest='" + test + "' -Dcascade.seed=" + seed, "target/cascade/" + test, readings);
    }
}
