package dev.cascade.agent.internal;

import dev.cascade.agent.CascadeAgent;
import dev.cascade.agent.InstrumentationException;
import dev.cascade.agent.Instrumented;
import dev.cascade.agent.MethodMatch;
import dev.cascade.agent.UserCode;
import dev.cascade.runtime.Node;
import dev.cascade.runtime.ProcessFunction;
import dev.cascade.runtime.RuntimeListener;
import dev.cascade.runtime.Scheduler;
import dev.cascade.runtime.Tracing;
import dev.cascade.trace.TraceEvent;
import example.shop.FlakyRepository;
import example.shop.SlowClient;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * With the real agent: a class that cannot be woven is reported, never silently skipped, and leaves
 * nothing half woven. The class is generated with a method whose code is just under the JVM's 64 KB
 * limit, so the advice the agent adds pushes it over (ASM refuses to write it: MethodTooLargeException),
 * the same way on every run.
 */
class TransformationErrorsTests {
    /** The JVM's limit on a method's code, in bytes (code_length must be below 65536). */
    private static final int MAX_CODE = 65_535;
    /** The generated method's code: NOPs, then {@code iconst_1; ireturn}, 5 bytes under the limit. */
    private static final int CODE = MAX_CODE - 5;
    private static final MethodMatch FETCH = MethodMatch.method(SlowClient.class, "fetch");

    /** Loads exactly one generated class, as a child of the test's loader (its parent supplies everything else). */
    private static final class OneClassLoader extends ClassLoader {
        private final String name;
        private final byte[] bytes;

        OneClassLoader(String name, byte[] bytes) {
            super(TransformationErrorsTests.class.getClassLoader());
            this.name = name;
            this.bytes = bytes;
        }

        @Override
        protected Class<?> findClass(String wanted) throws ClassNotFoundException {
            if (!wanted.equals(name)) {
                throw new ClassNotFoundException(wanted);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }
    }

    /** {@code public class <name> { public static int work() { nop; ...; return 1; } }}, work's code {@link #CODE} bytes long. */
    private static byte[] huge(String name) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS | ClassWriter.COMPUTE_FRAMES);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, name.replace('.', '/'), null, "java/lang/Object", null);
        MethodVisitor init = writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        MethodVisitor work = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "work", "()I", null, null);
        work.visitCode();
        for (int i = 0; i < CODE - 2; i++) {
            work.visitInsn(Opcodes.NOP);
        }
        work.visitInsn(Opcodes.ICONST_1);
        work.visitInsn(Opcodes.IRETURN);
        work.visitMaxs(0, 0);
        work.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    /** Loads a fresh huge class {@code name}, checks the JVM accepts it as generated, and runs its work once. */
    private static Class<?> loadHuge(String name) throws ReflectiveOperationException {
        Class<?> type = new OneClassLoader(name, huge(name)).loadClass(name);
        assertThat(type.getName()).isEqualTo(name);
        assertThat(type.getMethod("work").invoke(null)).as("the unwoven method runs").isEqualTo(1);
        return type;
    }

    /** The user calls a traced process on the real scheduler records while running {@code body}. */
    private static List<String> userCallsOf(ProcessFunction<?> body) {
        try (Node node = Node.start(Scheduler.real(), RuntimeListener.NONE, Tracing.ON)) {
            node.run(body);
            return node.trace().events(TraceEvent.UserCall.class).stream().map(TraceEvent.UserCall::method).toList();
        }
    }

    private static List<String> fetchCalls() {
        return userCallsOf(ctx -> new SlowClient(1).fetch("apple"));
    }

    @BeforeEach
    @AfterEach
    void noSessionIsOpenAndNothingIsWoven() {
        assertThat(Sessions.open()).as("an instrumentation session leaked from another test").isZero();
        assertThat(Sessions.woven()).isEmpty();
    }

    @Test
    void aSessionWeavingOnlyFetchTracesItSoTheChecksBelowCanFail() {
        CascadeAgent.install();
        assertThat(fetchCalls()).as("nothing woven yet").isEmpty();
        try (Instrumented session = CascadeAgent.instrument(UserCode.methods(FETCH))) {
            assertThat(session.wovenClasses()).containsExactly(SlowClient.class.getName());
            assertThat(fetchCalls()).containsExactly("SlowClient.fetch");
        }
        assertThat(fetchCalls()).as("put back when the session closed").isEmpty();
    }

    @Test
    void aLoadedClassThatCannotBeWovenFailsTheSessionNamingItAndWhyAndNothingIsWoven() throws Exception {
        loadHuge("example.generated.Huge");
        assertThat(SlowClient.class.getName()).isEqualTo("example.shop.SlowClient"); // loaded, so it is woven first, then put back
        UserCode code = UserCode.methods(MethodMatch.method("example.generated.Huge", "work"), FETCH);

        Throwable thrown = catchThrowable(() -> {
            try (Instrumented unexpected = CascadeAgent.instrument(code)) {
                assertThat(unexpected).as("a session weaving a class that cannot be woven").isNull();
            }
        });

        assertThat(thrown).isInstanceOf(InstrumentationException.class)
                .hasMessageStartingWith("Cascade could not instrument every class it matched, so it instrumented none: ")
                .hasMessageContaining("example.generated.Huge");
        List<String> failures = ((InstrumentationException) thrown).failures();
        assertThat(failures).singleElement().asString().startsWith("example.generated.Huge: ").contains("MethodTooLargeException");
        assertThat(Sessions.open()).isZero();
        assertThat(Sessions.woven()).isEmpty();
        assertThat(fetchCalls()).as("SlowClient.fetch, woven before Huge failed, was put back").isEmpty();
    }

    @Test
    void aFailedSessionLeavesTheAgentUsableForTheNextOne() throws Exception {
        loadHuge("example.generated.HugeBeforeRetry");
        UserCode broken = UserCode.methods(MethodMatch.method("example.generated.HugeBeforeRetry", "work"), FETCH);
        assertThat(catchThrowable(() -> CascadeAgent.instrument(broken).close())).isInstanceOf(InstrumentationException.class);
        try (Instrumented session = CascadeAgent.instrument(UserCode.methods(FETCH))) {
            assertThat(session.wovenClasses()).containsExactly(SlowClient.class.getName());
            assertThat(fetchCalls()).containsExactly("SlowClient.fetch");
        }
    }

    @Test
    void aClassLoadedWhileASessionIsOpenThatCannotBeWovenRunsUnwovenAndClosingTheSessionReportsIt() throws Exception {
        Instrumented session = CascadeAgent.instrument(
                UserCode.methods(MethodMatch.method("example.generated.HugeLoadedLater", "work"), FETCH));
        InstrumentationException onClose;
        try {
            Class<?> late = loadHuge("example.generated.HugeLoadedLater");
            assertThat(userCallsOf(ctx -> {
                late.getMethod("work").invoke(null);
                return new SlowClient(1).fetch("pear");
            })).as("Huge ran unwoven while fetch, in the same session, was traced").containsExactly("SlowClient.fetch");
            assertThat(session.wovenClasses()).contains(SlowClient.class.getName()).doesNotContain(late.getName());
        } finally {
            onClose = catchThrowableOfType(InstrumentationException.class, session::close);
        }
        assertThat(onClose).as("closing the session reports the class it could not weave").isNotNull()
                .hasMessageStartingWith("while the session was open, Cascade could not instrument these classes, which ran unchanged: ")
                .hasMessageContaining("example.generated.HugeLoadedLater");
        assertThat(onClose.failures()).singleElement().asString()
                .startsWith("example.generated.HugeLoadedLater: ").contains("MethodTooLargeException");
        assertThat(Sessions.woven()).isEmpty();
        assertThat(fetchCalls()).isEmpty();
        session.close(); // closing again: nothing more to report
    }

    /**
     * A class that could not be woven while one session was open is that session's to report (on its
     * close). Another session opening meanwhile must neither be blamed for it nor undo the first
     * session's weaving, which it asked to leave unchanged.
     */
    @Test
    void anotherSessionOpeningAfterALateWeavingFailureKeepsTheFirstSessionWoven() throws Exception {
        Instrumented first = CascadeAgent.instrument(
                UserCode.methods(MethodMatch.method("example.generated.HugeBeforeSecondOpens", "work"), FETCH));
        List<String> fetchAfterSecond;
        Throwable opening;
        Throwable closingFirst;
        Instrumented[] second = new Instrumented[1];
        try {
            loadHuge("example.generated.HugeBeforeSecondOpens");
            assertThat(fetchCalls()).containsExactly("SlowClient.fetch");
            opening = catchThrowable(() -> second[0] = CascadeAgent.instrument(UserCode.methods(MethodMatch.method(FlakyRepository.class,
                    "save"))));
            fetchAfterSecond = fetchCalls();
        } finally {
            if (second[0] != null) {
                catchThrowable(second[0]::close); // the class ran unchanged while it was open too, so it may report it
            }
            closingFirst = catchThrowable(first::close);
        }
        assertThat(fetchAfterSecond).as("the first session is still open, so fetch is still woven").containsExactly("SlowClient.fetch");
        assertThat(opening).as("the second session matched nothing that failed").isNull();
        assertThat(closingFirst).isInstanceOf(InstrumentationException.class).hasMessageContaining("HugeBeforeSecondOpens");
    }

    /** The same when the other session closes: putting back what only it asked for leaves the first session's weaving. */
    @Test
    void anotherSessionClosingAfterALateWeavingFailureKeepsTheFirstSessionWoven() throws Exception {
        Instrumented first = CascadeAgent.instrument(
                UserCode.methods(MethodMatch.method("example.generated.HugeBeforeSecondCloses", "work"), FETCH));
        List<String> fetchAfterSecond;
        Throwable closingFirst;
        try {
            Instrumented second = CascadeAgent.instrument(UserCode.methods(MethodMatch.method(FlakyRepository.class, "save")));
            loadHuge("example.generated.HugeBeforeSecondCloses");
            // Both sessions were open when the class ran unchanged, so either may report it; what matters is what is left woven.
            catchThrowable(second::close);
            fetchAfterSecond = fetchCalls();
        } finally {
            closingFirst = catchThrowable(first::close);
        }
        assertThat(fetchAfterSecond).as("the first session is still open, so fetch is still woven").containsExactly("SlowClient.fetch");
        assertThat(closingFirst).isInstanceOf(InstrumentationException.class).hasMessageContaining("HugeBeforeSecondCloses");
    }
}
