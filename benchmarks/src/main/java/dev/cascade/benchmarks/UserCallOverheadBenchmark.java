package dev.cascade.benchmarks;

import dev.cascade.agent.CascadeAgent;
import dev.cascade.agent.Instrumented;
import dev.cascade.agent.MethodMatch;
import dev.cascade.agent.UserCode;
import dev.cascade.chaos.ChaosTree;
import dev.cascade.chaos.Fault;
import dev.cascade.genserver.CallResult;
import dev.cascade.genserver.From;
import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.InitResult;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.runtime.Scheduler;
import dev.cascade.runtime.Timeout;
import dev.cascade.runtime.Tracing;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.SupervisorSpec;
import example.bench.PriceList;
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
 * Issue 5: what the agent costs per call of an instrumented user method, called in a loop from a
 * GenServer handler of a chaos tree on the real scheduler:
 * <ul>
 *   <li>{@code untraced}, mode {@code plain}: not woven (the method as it is);</li>
 *   <li>{@code untraced}, mode {@code woven}: woven, but the node does not trace and no fault is armed (the hooks' "off");</li>
 *   <li>{@code untraced}, mode {@code armed}: woven, untraced, a throw fault armed on the method that matches every
 *       call but fires only on call 2<sup>31</sup>-1 (armed, not firing);</li>
 *   <li>{@code traced}: woven, the node traces: one {@code UserCall} event per call.</li>
 * </ul>
 * Each iteration is one handler run on a fresh tree: {@value #CALLS} calls untraced, {@value #TRACED_CALLS}
 * traced (a traced run keeps every event, about 200 bytes each). The method is woven once for the whole
 * trial: weaving again would throw away the JIT's work on it, which is a cost of opening a session, not of
 * calling the method.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, batchSize = 1)
@Measurement(iterations = 15, batchSize = 1)
@Fork(value = 1, jvmArgsAppend = {Simulations.OPEN_JAVA_LANG, "-XX:+EnableDynamicAgentLoading", "-Dnet.bytebuddy.safe=true",
        "-Xms2g", "-Xmx2g"})
public class UserCallOverheadBenchmark {
    static final int CALLS = 10_000_000;
    static final int TRACED_CALLS = 200_000;
    private static final MethodMatch PRICE = MethodMatch.method(PriceList.class, "price");

    /** Ask the pricer to price {@code calls} SKUs; it replies with the sum. */
    record Price(int calls) {}

    /** Calls {@link PriceList#price} in a loop inside its handler. */
    static final class Pricer implements GenServer<ProcessContext> {
        private final PriceList prices = new PriceList();

        @Override
        public InitResult<ProcessContext> init(ProcessContext ctx) {
            return InitResult.ok(ctx);
        }

        @Override
        public CallResult<ProcessContext> handleCall(Object request, From from, ProcessContext ctx) {
            long sum = 0;
            for (int sku = 0; sku < ((Price) request).calls(); sku++) {
                sum += prices.price(sku);
            }
            return CallResult.reply(sum, ctx);
        }
    }

    /** A pricer on a fresh chaos tree per iteration; the method woven for the whole trial unless {@code plain}. */
    public abstract static class Pricing {
        private Instrumented woven;
        ChaosTree tree;
        Pid pricer;

        abstract boolean weave();

        abstract Tracing tracing();

        void arm() {
        }

        @Setup(Level.Trial)
        public void weaveMethod() {
            if (weave()) {
                woven = CascadeAgent.instrument(UserCode.methods(PRICE));
            }
        }

        @TearDown(Level.Trial)
        public void unweave() {
            if (woven != null) {
                woven.close();
            }
        }

        @Setup(Level.Iteration)
        public void start() {
            tree = ChaosTree.builder(SupervisorSpec.oneForOne().withChild(ChildSpec.worker("pricer", Pricer::new)))
                    .scheduler(Scheduler.real())
                    .tracing(tracing())
                    .start();
            arm();
            pricer = tree.whereis("root/pricer").orElseThrow();
        }

        @TearDown(Level.Iteration)
        public void stop() {
            tree.close();
        }

        long price(int calls) {
            return tree.node().run(ctx -> (Long) GenServer.call(ctx, pricer, new Price(calls), Timeout.INFINITY));
        }
    }

    @State(Scope.Thread)
    public static class Untraced extends Pricing {
        @Param({"plain", "woven", "armed"})
        public String mode;

        @Override
        boolean weave() {
            return !mode.equals("plain");
        }

        @Override
        Tracing tracing() {
            return Tracing.OFF;
        }

        @Override
        void arm() {
            if (mode.equals("armed")) {
                tree.inject(Fault.throwIn(PRICE, IllegalStateException.class, "never").onCall(Integer.MAX_VALUE));
            }
        }
    }

    @State(Scope.Thread)
    public static class Traced extends Pricing {
        @Override
        boolean weave() {
            return true;
        }

        @Override
        Tracing tracing() {
            return Tracing.ON;
        }
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public long untraced(Untraced pricing) {
        return pricing.price(CALLS);
    }

    @Benchmark
    @OperationsPerInvocation(TRACED_CALLS)
    public long traced(Traced pricing) {
        return pricing.price(TRACED_CALLS);
    }
}
