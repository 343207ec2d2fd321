package dev.cascade.agent;

import dev.cascade.agent.internal.Attacher;
import dev.cascade.agent.internal.SelfTest;
import dev.cascade.agent.internal.Sessions;

import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Cascade's agent: instruments code the runtime does not own (HTTP clients, repositories, SDKs) so a
 * test can see its calls in the trace, break them with faults, and run its clock reads and sleeps on
 * a simulation's virtual time.
 *
 * <pre>{@code
 * try (Instrumented code = CascadeAgent.instrument(
 *         UserCode.methods(MethodMatch.method(PaymentGateway.class, "charge")).virtualTimeIn("com.acme.billing"))) {
 *     // processes calling PaymentGateway.charge are traced; com.acme.billing runs on virtual time
 * }
 * }</pre>
 *
 * <p>The agent installs itself on first use: from {@code -javaagent:byte-buddy-agent.jar} if the JVM
 * was started with it, else by attaching to the running JVM (which needs
 * {@code -XX:+EnableDynamicAgentLoading} on JDK 21+ to run without a warning, and is refused with
 * {@code -XX:-EnableDynamicAgentLoading}). It then checks that it can really change and restore a
 * class, and fails with {@link AgentUnavailableException}, naming the flag and where to put it, if not.
 */
public final class CascadeAgent {
    /** How the agent is installed in this JVM. */
    public enum Installation {
        /** From {@code -javaagent:} at start-up. */
        JAVA_AGENT,
        /** By attaching to the running JVM. */
        SELF_ATTACH
    }

    private static final ReentrantLock LOCK = new ReentrantLock();
    private static Attacher.Attached attached;

    private CascadeAgent() {}

    /**
     * Installs the agent if it is not yet, and self-tests it; returns how it is installed.
     *
     * @throws AgentUnavailableException if it cannot be installed or cannot change classes; the
     *                                   message names the missing JVM flag and where to add it
     */
    public static Installation install() {
        return attached().how() == Attacher.How.JAVA_AGENT ? Installation.JAVA_AGENT : Installation.SELF_ATTACH;
    }

    /**
     * Weaves {@code code} until the returned session is closed (installing the agent first if needed).
     *
     * @throws AgentUnavailableException if the agent cannot be installed
     * @throws InstrumentationException  if a loaded class it matches cannot be woven (then nothing is)
     */
    public static Instrumented instrument(UserCode code) {
        Objects.requireNonNull(code, "code");
        Attacher.Attached agent = attached();
        return new Instrumented(agent.instrumentation(), Sessions.open(agent.instrumentation(), code));
    }

    private static Attacher.Attached attached() {
        LOCK.lock();
        try {
            if (attached == null) {
                Attacher.Attached fresh = Attacher.attach();
                SelfTest.run(fresh.instrumentation(), fresh.how() == Attacher.How.JAVA_AGENT ? "with -javaagent" : "by attaching to this JVM");
                attached = fresh;
            }
            return attached;
        } finally {
            LOCK.unlock();
        }
    }
}
