package dev.cascade.agent.internal;

import dev.cascade.agent.AgentUnavailableException;
import net.bytebuddy.agent.ByteBuddyAgent;

import java.lang.instrument.Instrumentation;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * Gets the JVM's {@link Instrumentation}: from {@code -javaagent:byte-buddy-agent.jar} if the JVM was
 * started with it, else by attaching to itself. When neither works, {@link #explain} says what to
 * add and where.
 */
public final class Attacher {
    /** How the agent came to be in this JVM. */
    public enum How {
        /** Loaded at start-up with {@code -javaagent}. */
        JAVA_AGENT,
        /** Loaded into the running JVM by self-attach. */
        SELF_ATTACH
    }

    /** The instrumentation and how it was obtained. */
    public record Attached(Instrumentation instrumentation, How how) {}

    private Attacher() {}

    public static Attached attach() {
        try {
            return new Attached(ByteBuddyAgent.getInstrumentation(), How.JAVA_AGENT);
        } catch (IllegalStateException notAtStartUp) {
            // Not started with -javaagent: attach to ourselves.
        }
        try {
            return new Attached(ByteBuddyAgent.install(), How.SELF_ATTACH);
        } catch (RuntimeException | LinkageError failure) {
            throw new AgentUnavailableException(explain(failure, ManagementFactory.getRuntimeMXBean().getInputArguments(),
                    ModuleLayer.boot().findModule("jdk.attach").isPresent(), agentJar()), failure);
        }
    }

    /**
     * The message for a failed install: what failed, the flag that fixes it given the JVM's
     * {@code arguments}, and where to put it.
     */
    public static String explain(Throwable failure, List<String> arguments, boolean attachModule, String agentJar) {
        StringBuilder text = new StringBuilder("Cascade could not install its agent into this JVM (")
                .append(rootMessage(failure)).append("), so it cannot instrument user code. ");
        String flag = "-XX:+EnableDynamicAgentLoading";
        if (arguments.contains("-XX:-EnableDynamicAgentLoading")) {
            text.append("This JVM was started with -XX:-EnableDynamicAgentLoading, which forbids loading an agent into it; "
                    + "replace it with -XX:+EnableDynamicAgentLoading, or load the agent at start-up with -javaagent:")
                    .append(agentJar).append(". ");
        } else if (!attachModule) {
            text.append("This Java runtime has no jdk.attach module (a jlink image or a JRE), so it cannot attach to itself; "
                    + "load the agent at start-up with -javaagent:").append(agentJar).append(" (or run on a full JDK). ");
            flag = "-javaagent:" + agentJar; // without jdk.attach, enabling dynamic loading cannot help
        } else {
            text.append("Add -XX:+EnableDynamicAgentLoading to let Cascade attach to the JVM it runs in, or load the agent "
                    + "at start-up with -javaagent:").append(agentJar).append(". ");
        }
        return text.append("Put the flag where the test JVM is started: Maven Surefire: "
                + "<configuration><argLine>@{argLine} " + flag + "</argLine></configuration> in the "
                + "maven-surefire-plugin; Gradle: tasks.test { jvmArgs(\"" + flag + "\") }; "
                + "an IDE or plain java: the VM options.").toString();
    }

    /** Where the byte-buddy-agent jar is on this machine, for {@code -javaagent:}. */
    public static String agentJar() {
        try {
            return java.nio.file.Path.of(ByteBuddyAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (Exception unknown) {
            return "<path to byte-buddy-agent.jar>";
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message.strip());
    }
}
