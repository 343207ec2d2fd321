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
 * Issue 5: what the agent costs per call of an instrumented user method, called {@value #CALLS} times
 * in a row from a GenServer handler of a chaos tree on the real scheduler:
 * <ul>
 *   <li>{@code plain}: not woven (the method as it is);</li>
 *   <li>{@code woven}: woven, but the node does not trace and no fault is armed (the hooks' "off");</li>
 *   <li>{@code traced}: woven, the node traces: one {@code UserCall} event per call;</li>
 *   <li>{@code armed}: woven, untraced, a throw fault armed on the method that matches every call but
 *       fires only on call 2<sup>31</sup>-1 (armed, not firing).</li>
 * </ul>
 * Each iteration is one handler run of {@value #CALLS} calls on a fresh tree (a traced run keeps every event).
 * The method is woven once for the whole trial: weaving again would throw away the JIT's work on it, which
 * is a cost of opening a session, not of calling the method.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, batchSize = 1)
@Measurement(iterations = 15, batchSize = 1)
@Fork(value = 1, jvmArgsAppend = {Simulations.OPEN_JAVA_LANG, "-XX:+EnableDynamicAgentLoading", "-Dnet.bytebuddy.safe=true",
        "-Xms2g", "-Xmx2g"})
@State(Scope.Thread)
public class UserCallOverheadBenchmark {
    static final int CALLS = 200_000;
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

    @Param({"plain", "woven", "traced", "armed"})
    public String mode;

    private Instrumented woven;
    private ChaosTree tree;
    private Pid pricer;

    @Setup(Level.Trial)
    public void weave() {
        if (!mode.equals("plain")) {
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
                .tracing(mode.equals("traced") ? Tracing.ON : Tracing.OFF)
                .start();
        if (mode.equals("armed")) {
            tree.inject(Fault.throwIn(PRICE, IllegalStateException.class, "never").onCall(Integer.MAX_VALUE));
        }
        pricer = tree.whereis("root/pricer").orElseThrow();
    }

    @TearDown(Level.Iteration)
    public void stop() {
        tree.close();
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public long call() {
        return tree.node().run(ctx -> (Long) GenServer.call(ctx, pricer, new Price(CALLS), Timeout.INFINITY));
    }
}
