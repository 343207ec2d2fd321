package dev.cascade.benchmarks;

import dev.cascade.runtime.Node;
import dev.cascade.benchmarks.workloads.PingPong;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.RuntimeListener;
import dev.cascade.runtime.Scheduler;
import dev.cascade.simulation.Backend;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Issue 3, figure 1: message deliveries per second between two processes. One process sends its
 * own pid to an echo process and waits for it to come back ({@code ctx.send}/{@code ctx.receive}
 * on both sides); every round trip is two deliveries, and the score is deliveries/s (round trips/s,
 * W2 of benchmarks.md, is half of it: the suite's W2 measures 1,000,000 round trips per run with the same
 * {@link PingPong#ping}/{@link PingPong#echo}). Goal (simulated, one core): at least 3 million deliveries/s.
 *
 * <p>The echo process lives for the whole trial; each invocation is one {@code node.run} of
 * {@value #ROUND_TRIPS} round trips, which on a simulated scheduler drives the simulation on the
 * benchmark thread. {@code simulated} also prints its CPU time per delivery ({@link DriverCpu}).
 *
 * <ul>
 *   <li>{@code simulated}: the default simulation, which must be on the executor backend;</li>
 *   <li>{@code simulatedBaton}: the baton-passing backend ({@value #BATON_ROUND_TRIPS} round trips
 *       per invocation, as it is far slower);</li>
 *   <li>{@code real}: virtual threads on the JDK's default scheduler (both cores);</li>
 *   <li>{@code realOneCarrier}: the same with {@code -Djdk.virtualThreadScheduler.parallelism=1},
 *       the real scheduler's like-for-like with a one-core simulation.</li>
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {Simulations.OPEN_JAVA_LANG, "-Xms1g", "-Xmx1g"})
public class PingPongBenchmark {
    static final int ROUND_TRIPS = 100_000;
    static final int BATON_ROUND_TRIPS = 2_000;

    /** A node whose echo process is already spawned. */
    public abstract static class EchoNode {
        Node node;
        Pid echo;

        abstract Scheduler scheduler();

        @Setup
        public void start() {
            node = Node.start(scheduler(), RuntimeListener.NONE);
            echo = node.spawn(PingPong::echo);
        }

        @TearDown
        public void stop() {
            node.close();
        }
    }

    /** On the default simulation: the executor backend. */
    @State(Scope.Thread)
    public static class Simulated extends EchoNode {
        @Override
        Scheduler scheduler() {
            return Simulations.executor(1);
        }
    }

    /** On a simulation with the baton-passing backend. */
    @State(Scope.Thread)
    public static class Baton extends EchoNode {
        @Override
        Scheduler scheduler() {
            return Simulations.on(Backend.BATON, 1);
        }
    }

    /** On the real scheduler. */
    @State(Scope.Thread)
    public static class Real extends EchoNode {
        @Override
        Scheduler scheduler() {
            return Scheduler.real();
        }
    }

    @Benchmark
    @OperationsPerInvocation(2 * ROUND_TRIPS)
    public int simulated(Simulated pair, DriverCpu cpu) {
        long start = cpu.start();
        return cpu.stop(start, 2 * ROUND_TRIPS, pair.node.run(ctx -> PingPong.ping(ctx, pair.echo, ROUND_TRIPS)));
    }

    @Benchmark
    @OperationsPerInvocation(2 * BATON_ROUND_TRIPS)
    public int simulatedBaton(Baton pair) {
        return pair.node.run(ctx -> PingPong.ping(ctx, pair.echo, BATON_ROUND_TRIPS));
    }

    @Benchmark
    @OperationsPerInvocation(2 * ROUND_TRIPS)
    public int real(Real pair) {
        return pair.node.run(ctx -> PingPong.ping(ctx, pair.echo, ROUND_TRIPS));
    }

    @Benchmark
    @OperationsPerInvocation(2 * ROUND_TRIPS)
    @Fork(value = 1, jvmArgsAppend = {Simulations.OPEN_JAVA_LANG, "-Xms1g", "-Xmx1g",
            "-Djdk.virtualThreadScheduler.parallelism=1"})
    public int realOneCarrier(Real pair) {
        return pair.node.run(ctx -> PingPong.ping(ctx, pair.echo, ROUND_TRIPS));
    }
}
