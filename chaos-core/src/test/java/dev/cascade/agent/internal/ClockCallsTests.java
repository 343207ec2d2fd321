package dev.cascade.agent.internal;

import dev.cascade.runtime.Node;
import dev.cascade.runtime.ProcessFunction;
import dev.cascade.runtime.RuntimeListener;
import dev.cascade.runtime.Scheduler;
import dev.cascade.simulation.SimulatedScheduler;
import example.generated.ClockUser;
import example.generated.Clocked;
import example.generated.Reading;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clock weaving, without an agent: a copy of a user class rewritten by {@link ClockCalls} and
 * loaded into a fresh class loader reads and sleeps on virtual time on a simulated process, and on
 * the real clock anywhere else.
 */
class ClockCallsTests {
    private static final long SEED = 7;
    private static final String VIRTUAL_CLOCK = "dev/cascade/agent/internal/VirtualClock";

    /** {@code type} rewritten by ClockCalls under {@code name} (or copied unchanged if {@code weave} is false). */
    private static DynamicType.Unloaded<?> copy(Class<?> type, String name, boolean weave) {
        DynamicType.Builder<?> builder = new ByteBuddy().redefine(type).name(name);
        return (weave ? builder.visit(ClockCalls.redirect()) : builder).make();
    }

    private static Clocked load(DynamicType.Unloaded<?> copy) throws ReflectiveOperationException {
        Class<?> loaded = copy.load(ClockCallsTests.class.getClassLoader(), ClassLoadingStrategy.Default.WRAPPER).getLoaded();
        assertThat(loaded.getClassLoader()).isNotSameAs(ClockCallsTests.class.getClassLoader());
        return (Clocked) loaded.getConstructor().newInstance();
    }

    private static Clocked woven(String simpleName) throws ReflectiveOperationException {
        return load(copy(ClockUser.class, "example.generated." + simpleName, true));
    }

    /** Runs {@code body} as a process of a fresh simulated node, and checks the run stayed decided by its seed. */
    private static <T> T onSimulatedProcess(ProcessFunction<T> body) {
        try (Node node = Node.start(Scheduler.simulated(SEED), RuntimeListener.NONE)) {
            T result = node.run(body);
            SimulatedScheduler sim = (SimulatedScheduler) node.scheduler();
            assertThat(sim.report().reproducible()).as(sim.report().summary()).isTrue();
            return result;
        }
    }

    /** Every static call (owner.name descriptor) in the class {@code bytes}. */
    private static List<String> staticCalls(byte[] bytes) {
        List<String> calls = new ArrayList<>();
        new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean isInterface) {
                        if (opcode == Opcodes.INVOKESTATIC) {
                            calls.add(owner + "." + method + desc);
                        }
                    }
                };
            }
        }, 0);
        return calls;
    }

    @Test
    void exactlyTheFiveJdkClockAndSleepSignaturesAreRedirected() {
        assertThat(ClockCalls.redirected("java/lang/System", "currentTimeMillis", "()J")).isTrue();
        assertThat(ClockCalls.redirected("java/lang/System", "nanoTime", "()J")).isTrue();
        assertThat(ClockCalls.redirected("java/lang/Thread", "sleep", "(J)V")).isTrue();
        assertThat(ClockCalls.redirected("java/lang/Thread", "sleep", "(JI)V")).isTrue();
        assertThat(ClockCalls.redirected("java/lang/Thread", "sleep", "(Ljava/time/Duration;)V")).isTrue();
    }

    @Test
    void otherOwnersNamesAndDescriptorsAreNotRedirected() {
        assertThat(ClockCalls.redirected("java.lang.System", "nanoTime", "()J")).as("binary, not internal, name").isFalse();
        assertThat(ClockCalls.redirected("java/lang/System", "nanoTime", "()I")).isFalse();
        assertThat(ClockCalls.redirected("java/lang/System", "identityHashCode", "(Ljava/lang/Object;)I")).isFalse();
        assertThat(ClockCalls.redirected("java/lang/Thread", "sleep", "(I)V")).isFalse();
        assertThat(ClockCalls.redirected("java/lang/Thread", "currentThread", "()Ljava/lang/Thread;")).isFalse();
        assertThat(ClockCalls.redirected("java/lang/Thread", "nanoTime", "()J")).isFalse();
        assertThat(ClockCalls.redirected("java/util/concurrent/TimeUnit", "sleep", "(J)V")).isFalse();
        assertThat(ClockCalls.redirected("example/generated/ClockUser", "sleep", "(J)V")).isFalse();
        assertThat(ClockCalls.redirected(VIRTUAL_CLOCK, "sleep", "(J)V")).isFalse();
    }

    @Test
    void aWovenClassCallsVirtualClockInsteadOfTheJdkAndNothingElseChanges() {
        List<String> plain = staticCalls(copy(ClockUser.class, "example.generated.PlainCopy", false).getBytes());
        List<String> woven = staticCalls(copy(ClockUser.class, "example.generated.WovenCopy", true).getBytes());
        assertThat(plain).contains("java/lang/Thread.sleep(J)V", "java/lang/System.nanoTime()J");
        assertThat(woven).containsExactlyInAnyOrder(
                VIRTUAL_CLOCK + ".sleep(J)V",
                VIRTUAL_CLOCK + ".sleep(JI)V",
                VIRTUAL_CLOCK + ".sleep(Ljava/time/Duration;)V",
                VIRTUAL_CLOCK + ".nanoTime()J",
                VIRTUAL_CLOCK + ".currentTimeMillis()J",
                "java/lang/Thread.currentThread()Ljava/lang/Thread;");
        assertThat(woven).hasSameSizeAs(plain);
    }

    @Test
    void aWovenSleepOnASimulatedProcessAdvancesVirtualTimeExactly() throws Exception {
        Clocked clock = woven("SleepsVirtually");
        long[] advanced = onSimulatedProcess(ctx -> {
            long t0 = ctx.nanoTime();
            clock.sleep(200);
            long t1 = ctx.nanoTime();
            clock.sleep(0, 500_000);
            long t2 = ctx.nanoTime();
            clock.sleep(Duration.ofMillis(75));
            long t3 = ctx.nanoTime();
            clock.sleep(0);
            clock.sleep(Duration.ofMillis(-5));
            return new long[] {t1 - t0, t2 - t1, t3 - t2, ctx.nanoTime() - t3};
        });
        assertThat(advanced).containsExactly(TimeUnit.MILLISECONDS.toNanos(200), 500_000L, TimeUnit.MILLISECONDS.toNanos(75), 0L);
    }

    @Test
    void aWovenClockReadOnASimulatedProcessIsVirtualTime() throws Exception {
        Clocked clock = woven("ReadsVirtually");
        long[] seen = onSimulatedProcess(ctx -> {
            clock.sleep(1_500);
            return new long[] {ctx.nanoTime(), clock.nanoTime(), clock.currentTimeMillis()};
        });
        assertThat(seen[1]).isEqualTo(seen[0]);
        assertThat(seen[2]).isEqualTo(VirtualClock.EPOCH.toEpochMilli() + TimeUnit.NANOSECONDS.toMillis(seen[0]));
        assertThat(seen[2] - VirtualClock.EPOCH.toEpochMilli()).isGreaterThanOrEqualTo(1_500);
    }

    @Test
    void anUnwovenCopyOnASimulatedProcessStillReadsTheRealClock() throws Exception {
        Clocked plain = load(copy(ClockUser.class, "example.generated.ReadsReally", false));
        long[] seen = onSimulatedProcess(ctx -> {
            long before = System.nanoTime();
            long read = plain.nanoTime();
            return new long[] {before, read, System.nanoTime()};
        });
        assertThat(seen[1]).isBetween(seen[0], seen[2]);
    }

    @Test
    void offAProcessAWovenCopyUsesTheRealClock() throws Exception {
        Clocked clock = woven("OffProcess");
        long beforeNanos = System.nanoTime();
        long beforeMillis = System.currentTimeMillis();
        long nanos = clock.nanoTime();
        long millis = clock.currentTimeMillis();
        clock.sleep(20);
        long afterNanos = System.nanoTime();
        assertThat(nanos).isBetween(beforeNanos, afterNanos);
        assertThat(millis).isBetween(beforeMillis, System.currentTimeMillis());
        assertThat(afterNanos - beforeNanos).as("a real sleep of 20 ms").isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(20));
        assertThat(clock.thread()).isSameAs(Thread.currentThread());
    }

    @Test
    void aWovenCopyOnARealSchedulerProcessUsesTheRealClock() throws Exception {
        Clocked clock = woven("OnRealScheduler");
        try (Node node = Node.start(Scheduler.real(), RuntimeListener.NONE)) {
            long[] seen = node.run(ctx -> {
                long before = System.nanoTime();
                long read = clock.nanoTime();
                clock.sleep(20);
                return new long[] {before, read, System.nanoTime()};
            });
            assertThat(seen[1]).isBetween(seen[0], seen[2]);
            assertThat(seen[2] - seen[0]).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    @Test
    void aRecordCanBeWovenAndItsGeneratedMethodsStillWork() throws Exception {
        DynamicType.Unloaded<?> copy = copy(Reading.class, "example.generated.WovenReading", true);
        assertThat(staticCalls(copy.getBytes())).containsExactly(VIRTUAL_CLOCK + ".nanoTime()J");
        Class<?> type = copy.load(ClockCallsTests.class.getClassLoader(), ClassLoadingStrategy.Default.WRAPPER).getLoaded();
        assertThat(type.isRecord()).isTrue();
        Object one = type.getConstructor(String.class, long.class).newInstance("stock", 5L);
        Object same = type.getConstructor(String.class, long.class).newInstance("stock", 5L);
        assertThat(one).hasToString("WovenReading[what=stock, atNanos=5]").isEqualTo(same).hasSameHashCodeAs(same);
        LongSupplier reading = (LongSupplier) one;
        long[] seen = onSimulatedProcess(ctx -> {
            ctx.sleep(Duration.ofMillis(30));
            return new long[] {ctx.nanoTime(), reading.getAsLong()};
        });
        assertThat(seen[1]).isEqualTo(seen[0]).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(30));
    }
}
