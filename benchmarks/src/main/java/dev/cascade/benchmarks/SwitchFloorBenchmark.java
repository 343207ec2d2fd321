package dev.cascade.benchmarks;

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

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The floor under {@link PingPongBenchmark#simulated}: the same ping-pong with no runtime at all,
 * two virtual threads on an executor that the benchmark thread drains, handing a message through a
 * field and {@link LockSupport} park/unpark. This is the mechanism the simulator's executor backend
 * is built on (one continuation switch per delivery), so the two scores measured in one run say how
 * much of a delivery's cost is Cascade's (mailbox, pid lookup, scheduler bookkeeping) and how much
 * the JDK's. Score: deliveries/s, as in {@link PingPongBenchmark}, and CPU time per op
 * ({@link DriverCpu}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {Simulations.OPEN_JAVA_LANG, "-Xms1g", "-Xmx1g"})
public class SwitchFloorBenchmark {

    /** Virtual threads whose executor is a queue the benchmark thread runs. */
    @State(Scope.Thread)
    public static class Carrier implements Executor {
        final ArrayDeque<Runnable> ready = new ArrayDeque<>();
        Thread.Builder.OfVirtual threads;
        Thread echo;
        Thread pinger;
        volatile Object toEcho;
        volatile Object toPinger;
        volatile boolean done;

        @Setup
        public void start() throws ReflectiveOperationException {
            var builder = Class.forName("java.lang.ThreadBuilders$VirtualThreadBuilder")
                    .getDeclaredConstructor(Executor.class);
            builder.setAccessible(true); // needs --add-opens=java.base/java.lang=ALL-UNNAMED, as the simulator does
            threads = (Thread.Builder.OfVirtual) builder.newInstance(this);
            echo = threads.start(this::echo);
        }

        @TearDown
        public void stop() {
            done = true;
            LockSupport.unpark(echo);
            drain();
        }

        @Override
        public void execute(Runnable task) {
            ready.add(task);
        }

        void drain() {
            Runnable task;
            while ((task = ready.poll()) != null) {
                task.run();
            }
        }

        private void echo() {
            while (!done) {
                Object message = toEcho;
                if (message == null) {
                    LockSupport.park();
                    continue;
                }
                toEcho = null;
                toPinger = message;
                LockSupport.unpark(pinger);
            }
        }

        int ping(int roundTrips) {
            int[] back = new int[1];
            pinger = threads.unstarted(() -> {
                for (int i = 0; i < roundTrips; i++) {
                    toEcho = this;
                    LockSupport.unpark(echo);
                    while (toPinger == null) {
                        LockSupport.park();
                    }
                    toPinger = null;
                    back[0]++;
                }
            });
            pinger.start();
            drain();
            if (back[0] != roundTrips) {
                throw new IllegalStateException("the echo thread returned " + back[0] + " of " + roundTrips + " messages");
            }
            return back[0];
        }
    }

    @Benchmark
    @OperationsPerInvocation(2 * PingPongBenchmark.ROUND_TRIPS)
    public int floor(Carrier carrier, DriverCpu cpu) {
        long start = cpu.start();
        return cpu.stop(start, 2 * PingPongBenchmark.ROUND_TRIPS, carrier.ping(PingPongBenchmark.ROUND_TRIPS));
    }
}
