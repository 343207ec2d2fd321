package dev.cascade.benchmarks.workloads;

import dev.cascade.runtime.Node;

/**
 * One of the workloads W1-W6 of benchmarks.md, exactly as defined there. {@link #run} is one
 * iteration on a fresh node that the harness made (real or simulated, traced or not) and closes
 * afterwards; it times its own measured part, checks that the work was really done (every message
 * counted, every call answered) and throws if not, so a broken runtime cannot post a fast figure.
 */
public interface Workload {

    /** The id in benchmarks.md: {@code W1} ... {@code W6}. */
    String id();

    /** What is measured, in one line, for the summary. */
    String description();

    /** One iteration on {@code node}: the measured figures, after checking the result. */
    Sample run(Node node);

    /** The workloads of benchmarks.md, by id. */
    static Workload byId(String id) {
        return switch (id) {
            case "W1" -> new SpawnIdle();
            case "W2" -> new PingPong();
            case "W3" -> new CastFlood();
            case "W4" -> new CallLatency();
            case "W5" -> new RestartLoop();
            case "W6" -> new TreeStart();
            default -> throw new IllegalArgumentException("unknown workload " + id + "; expected W1 ... W6");
        };
    }
}
