package dev.cascade.agent.internal;

import dev.cascade.agent.AgentUnavailableException;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import net.bytebuddy.asm.Advice;

import java.lang.instrument.Instrumentation;

import static net.bytebuddy.matcher.ElementMatchers.is;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.none;

/**
 * Proves the installed agent can change a loaded class and put it back: weaves {@link Canary},
 * checks the advice runs, resets it and checks it no longer does.
 */
public final class SelfTest {
    private SelfTest() {}

    /** The advice woven into {@link Canary#target}. */
    static final class Probe {
        @Advice.OnMethodEnter
        static void enter() {
            Canary.reached();
        }
    }

    public static void run(Instrumentation instrumentation, String how) {
        if (!instrumentation.isRetransformClassesSupported()) {
            throw fail(how, "the agent cannot retransform classes");
        }
        Canary.probe(); // loads it, so the weaving below is a retransformation like any session's
        ResettableClassFileTransformer transformer;
        try {
            transformer = new AgentBuilder.Default()
                    .disableClassFormatChanges()
                    .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                    .with(AgentBuilder.RedefinitionStrategy.Listener.ErrorEscalating.FAIL_FAST)
                    .ignore(none())
                    .type(is(Canary.class))
                    .transform((builder, type, loader, module, domain) -> builder.visit(Advice.to(Probe.class).on(named("target"))))
                    .installOn(instrumentation);
        } catch (RuntimeException failed) {
            throw fail(how, "weaving a test class failed: " + failed);
        }
        boolean woven = Canary.probe();
        transformer.reset(instrumentation, AgentBuilder.RedefinitionStrategy.RETRANSFORMATION);
        boolean restored = !Canary.probe();
        if (!woven || !restored) {
            throw fail(how, woven ? "a woven test class could not be put back" : "a woven test class did not change");
        }
    }

    private static AgentUnavailableException fail(String how, String what) {
        return new AgentUnavailableException("Cascade's agent was installed (" + how + ") but its self-test failed: " + what
                + ". Start the JVM with -javaagent:" + Attacher.agentJar() + " -XX:+EnableDynamicAgentLoading (Maven Surefire: "
                + "in the plugin's <argLine>; Gradle: tasks.test { jvmArgs(...) }).", null);
    }
}
