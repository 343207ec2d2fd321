/**
 * The six workloads of benchmarks.md (W1-W6), each one class that runs one iteration on a node it
 * is given and checks its own result. Sizes are exactly benchmarks.md's; the harness that warms
 * them up, repeats them and forks fresh JVMs is {@link dev.cascade.benchmarks.suite}.
 */
package dev.cascade.benchmarks.workloads;
