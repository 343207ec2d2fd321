package dev.cascade.benchmarks;

import dev.cascade.benchmarks.workloads.PingPong;
import dev.cascade.chaos.ChaosTree;
import dev.cascade.runtime.Node;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.RuntimeListener;
import dev.cascade.runtime.Scheduler;
import dev.cascade.runtime.Tracing;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * What tracing costs: the same workloads with {@link Tracing#OFF} and {@link Tracing#ON} (the
 * {@code tracing} parameter).
 *
 * <ul>
 *   <li>{@code pingPongSimulated} / {@code pingPongReal}: {@link PingPongBenchmark}'s workload
 *       ({@value #ROUND_TRIPS} round trips of {@code send}/{@code receive} between two processes,
 *       score in deliveries/s) on the default simulation and on the real scheduler. Each invocation
 *       gets a fresh node (made and closed outside the measured time), so a traced run's events are
 *       those of one invocation, not of the whole trial: with tracing on every delivery records three
 *       events (sent, delivered, handled) and the trace only grows.</li>
 *   <li>{@code chaosTree}: one {@link TracingWorkload} run, from start to close: six workers and two
 *       supervisors talking every 10 ms under a plan of thirteen faults, 5 s of virtual time; ms/op.</li>
 * </ul>
 * Tracing off should cost nothing measurable: compare {@code pingPongSimulated} with
 * {@code tracing=OFF} and {@code PingPongBenchmark.simulated} (the same workload on a node started
 * without a tracing argument) in the same session; the simulated benchmarks also print their driver
 * CPU time per operation ({@link DriverCpu}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {Simulations.OPEN_JAVA_LANG, "-Xms1g", "-Xmx1g"})
public class TracingOverheadBenchmark {
    static final int ROUND_TRIPS = PingPongBenchmark.ROUND_TRIPS;

    /** A fresh node for each invocation, with its echo process spawned. */
    public abstract static class EchoNode {
        Node node;
        Pid echo;

        abstract Scheduler scheduler();

        abstract Tracing tracing();

        @Setup(Level.Invocation)
        public void start() {
            node = Node.start(scheduler(), RuntimeListener.NONE, tracing());
            echo = node.spawn(PingPong::echo);
        }

        @TearDown(Level.Invocation)
        public void stop() {
            node.close();
        }
    }

    /** On the default simulation: the executor backend. */
    @State(Scope.Thread)
    public static class Simulated extends EchoNode {
        @Param({"OFF", "ON"})
        public String tracing;

        @Override
        Tracing tracing() {
            return named(tracing);
        }

        @Override
        Scheduler scheduler() {
            return Simulations.executor(1);
        }
    }

    /** On the real scheduler (virtual threads on both cores). */
    @State(Scope.Thread)
    public static class Real extends EchoNode {
        @Param({"OFF", "ON"})
        public String tracing;

        @Override
        Tracing tracing() {
            return named(tracing);
        }

        @Override
        Scheduler scheduler() {
            return Scheduler.real();
        }
    }

    /** The chaos workload, checked once to run as designed, and the next seed. */
    @State(Scope.Thread)
    public static class Chaos {
        @Param({"OFF", "ON"})
        public String tracing;

        long seed;

        @Setup(Level.Trial)
        public void check() {
            TracingWorkload.requireItWorks();
        }
    }

    @Benchmark
    @OperationsPerInvocation(2 * ROUND_TRIPS)
    public int pingPongSimulated(Simulated pair, DriverCpu cpu) {
        long start = cpu.start();
        return cpu.stop(start, 2 * ROUND_TRIPS, pair.node.run(ctx -> PingPong.ping(ctx, pair.echo, ROUND_TRIPS)));
    }

    @Benchmark
    @OperationsPerInvocation(2 * ROUND_TRIPS)
    public int pingPongReal(Real pair) {
        return pair.node.run(ctx -> PingPong.ping(ctx, pair.echo, ROUND_TRIPS));
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int chaosTree(Chaos chaos, DriverCpu cpu) {
        long start = cpu.start();
        ChaosTree tree = TracingWorkload.run(chaos.seed++, named(chaos.tracing));
        return cpu.stop(start, 1, tree.incarnations("root/app/a1"));
    }

    /** {@link Tracing#OFF} or {@link Tracing#ON} by name (a JMH parameter is a string). */
    static Tracing named(String name) {
        return switch (name) {
            case "OFF" -> Tracing.OFF;
            case "ON" -> Tracing.ON;
            default -> throw new IllegalArgumentException("tracing is OFF or ON but was " + name);
        };
    }
}
