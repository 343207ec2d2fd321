/**
 * JMH benchmarks of the simulated scheduler (issue 3) and of tracing, each workload measured on a
 * {@link dev.cascade.simulation.SimulatedScheduler} and on the real scheduler.
 *
 * <ul>
 *   <li>{@link dev.cascade.benchmarks.PingPongBenchmark}: message deliveries per second between two processes;</li>
 *   <li>{@link dev.cascade.benchmarks.GeneratedScenarioBenchmark}: wall time of a generated 60-second scenario
 *       (3 supervisors, 20 workers, 50 faults);</li>
 *   <li>{@link dev.cascade.benchmarks.CacheCrashBenchmark}: runs per second of scenario-format.md's example;</li>
 *   <li>{@link dev.cascade.benchmarks.SwitchFloorBenchmark}: the ping-pong on bare virtual threads, the floor
 *       under the simulated one;</li>
 *   <li>{@link dev.cascade.benchmarks.TracingOverheadBenchmark}: the ping-pong and a chaos tree, traced and not.</li>
 * </ul>
 *
 * <p>The suite of issue 6 ({@link dev.cascade.benchmarks.suite}) runs benchmarks.md's workloads and the
 * two scenario benchmarks in one command: {@code java -jar benchmarks/target/benchmarks.jar suite}. Any
 * other arguments go to JMH: {@code java -jar benchmarks/target/benchmarks.jar PingPong} runs one class.
 */
package dev.cascade.benchmarks;
