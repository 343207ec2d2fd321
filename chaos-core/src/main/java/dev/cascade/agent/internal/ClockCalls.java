package dev.cascade.agent.internal;

import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.utility.OpenedClassReader;

import java.util.Set;

import static net.bytebuddy.matcher.ElementMatchers.any;

/**
 * Rewrites a class's calls of the JDK clock and {@code Thread.sleep} into calls of {@link VirtualClock}
 * with the same signature. The JDK methods are native or intrinsic, so advice on them cannot work;
 * their call sites in user classes are what can be changed. Only the owner of a static call changes
 * (same descriptor, same stack), so loaded classes can be retransformed.
 *
 * <p>Written as a plain method visitor rather than with ByteBuddy's {@code MemberSubstitution}, which
 * (in 1.18.14) fails on the invokedynamic field handles of every record's {@code toString}.
 */
final class ClockCalls {
    private static final String VIRTUAL_CLOCK = VirtualClock.class.getName().replace('.', '/');
    /** owner.name+descriptor of each redirected JDK method. */
    private static final Set<String> REDIRECTED = Set.of(
            "java/lang/System.currentTimeMillis()J",
            "java/lang/System.nanoTime()J",
            "java/lang/Thread.sleep(J)V",
            "java/lang/Thread.sleep(JI)V",
            "java/lang/Thread.sleep(Ljava/time/Duration;)V");

    private ClockCalls() {}

    static AsmVisitorWrapper redirect() {
        return new AsmVisitorWrapper.ForDeclaredMethods().invokable(any(),
                (type, method, visitor, context, pool, writerFlags, readerFlags) -> new Redirecting(visitor));
    }

    /** Whether a static call of {@code owner.name descriptor} is one {@link VirtualClock} replaces. */
    static boolean redirected(String owner, String name, String descriptor) {
        return REDIRECTED.contains(owner + "." + name + descriptor);
    }

    private static final class Redirecting extends MethodVisitor {
        Redirecting(MethodVisitor next) {
            super(OpenedClassReader.ASM_API, next);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            if (opcode == Opcodes.INVOKESTATIC && redirected(owner, name, descriptor)) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, VIRTUAL_CLOCK, name, descriptor, false);
            } else {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            }
        }
    }
}
