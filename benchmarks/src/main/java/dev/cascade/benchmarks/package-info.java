/**
 * JMH benchmarks of the figures of issue 3, the simulated scheduler: each workload is measured on
 * a {@link dev.cascade.simulation.SimulatedScheduler} and on the real scheduler.
 *
 * <ul>
 *   <li>{@link dev.cascade.benchmarks.PingPongBenchmark}: message deliveries per second between two processes;</li>
 *   <li>{@link dev.cascade.benchmarks.GeneratedScenarioBenchmark}: wall time of a generated 60-second scenario
 *       (3 supervisors, 20 workers, 50 faults; shortened to 30 s on the real scheduler);</li>
 *   <li>{@link dev.cascade.benchmarks.CacheCrashBenchmark}: runs per second of scenario-format.md's example;</li>
 *   <li>{@link dev.cascade.benchmarks.SwitchFloorBenchmark}: the ping-pong on bare virtual threads, the floor
 *       under the simulated one.</li>
 * </ul>
 *
 * <p>Build with {@code mvn -B -ntp install -DskipTests} from the repository root, then
 * {@code java -jar benchmarks/target/benchmarks.jar} runs them all (a few minutes), or
 * {@code java -jar benchmarks/target/benchmarks.jar PingPong} one class.
 */
package dev.cascade.benchmarks;
