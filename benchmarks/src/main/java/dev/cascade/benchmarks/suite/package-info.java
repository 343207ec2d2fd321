/**
 * The benchmark suite of issue 6: {@code java -jar benchmarks/target/benchmarks.jar suite}. It
 * runs every workload of {@link dev.cascade.benchmarks.workloads} in fresh JVMs (real, traced and
 * simulated), the scenario benchmarks through JMH, and writes {@code summary.json} and
 * {@code summary.md} with each figure's median, range and goal. {@link dev.cascade.benchmarks.suite.Main}
 * is the jar's entry point; without {@code suite} it is JMH's command line.
 */
package dev.cascade.benchmarks.suite;
