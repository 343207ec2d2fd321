package dev.cascade.agent.internal;

import dev.cascade.runtime.internal.ProcessCell;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * The code woven around each matched user method: its entry and exit hand over to
 * {@link UserCalls}, which does nothing unless the calling thread is a process of a traced node or
 * one with a fault armed on the method. ByteBuddy copies these two methods into the user's method,
 * so they only call public code.
 */
public final class CallAdvice {
    private CallAdvice() {}

    @Advice.OnMethodEnter
    static Object enter(@SiteId int site, @Advice.AllArguments Object[] arguments) {
        ProcessCell caller = UserCalls.caller();
        // ByteBuddy builds the arguments array where it is read: only past this check, so an idle hook allocates nothing.
        return caller == null ? null : UserCalls.enter(caller, site, arguments);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter Object call, @Advice.Thrown Throwable thrown) {
        if (call != null) {
            UserCalls.exit(call, thrown);
        }
    }

    /** The advice, with each woven method's {@link SiteId} bound to its registered number. */
    static Advice advice() {
        return Advice.withCustomMapping().bind(SiteId.class, CallAdvice::siteOf).to(CallAdvice.class);
    }

    private static Advice.OffsetMapping.Target siteOf(TypeDescription type, MethodDescription method, Assigner assigner,
            Advice.ArgumentHandler arguments, Advice.OffsetMapping.Sort sort) {
        return Advice.OffsetMapping.Target.ForStackManipulation.of(Sites.register(type, method));
    }
}
