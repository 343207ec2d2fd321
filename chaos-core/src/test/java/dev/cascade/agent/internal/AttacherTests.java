package dev.cascade.agent.internal;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The message for an agent that cannot be installed: what failed, the flag that fixes it, and where to put it. */
class AttacherTests {
    private static final String JAR = "/home/dev/.m2/repository/net/bytebuddy/byte-buddy-agent/1.18.14/byte-buddy-agent-1.18.14.jar";
    private static final String MAVEN = "Maven Surefire: <configuration><argLine>@{argLine} ";
    private static final String GRADLE = "Gradle: tasks.test { jvmArgs(";
    private static final Throwable FAILURE = new IllegalStateException("attach failed",
            new IOException("Can not attach to current VM"));

    @Test
    void withDynamicAgentLoadingForbiddenItSaysToTurnItOnOrUseJavaAgent() {
        String message = Attacher.explain(FAILURE, List.of("-Xmx1g", "-XX:-EnableDynamicAgentLoading"), true, JAR);
        assertThat(message)
                .startsWith("Cascade could not install its agent into this JVM (IOException: Can not attach to current VM), "
                        + "so it cannot instrument user code. ")
                .contains("started with -XX:-EnableDynamicAgentLoading, which forbids loading an agent")
                .contains("replace it with -XX:+EnableDynamicAgentLoading")
                .contains("-javaagent:" + JAR)
                .contains(MAVEN + "-XX:+EnableDynamicAgentLoading</argLine></configuration>")
                .contains(GRADLE + "\"-XX:+EnableDynamicAgentLoading\") }");
    }

    @Test
    void theForbiddingFlagWinsEvenWithoutTheAttachModule() {
        String message = Attacher.explain(FAILURE, List.of("-XX:-EnableDynamicAgentLoading"), false, JAR);
        assertThat(message).contains("started with -XX:-EnableDynamicAgentLoading").doesNotContain("jdk.attach");
    }

    @Test
    void withoutTheAttachModuleItSaysToLoadTheAgentAtStartUp() {
        String message = Attacher.explain(FAILURE, List.of("-Xmx1g"), false, JAR);
        assertThat(message)
                .contains("no jdk.attach module (a jlink image or a JRE), so it cannot attach to itself")
                .contains("load the agent at start-up with -javaagent:" + JAR + " (or run on a full JDK)")
                .contains(MAVEN).contains(GRADLE)
                .doesNotContain("started with -XX:-EnableDynamicAgentLoading");
    }

    /**
     * Without jdk.attach, -XX:+EnableDynamicAgentLoading cannot help: attaching is impossible. So the
     * build snippets the message gives (Surefire's argLine, Gradle's jvmArgs) must carry -javaagent, the
     * only flag that works there, not the dynamic-loading flag.
     */
    @Test
    void withoutTheAttachModuleTheBuildSnippetsCarryTheJavaAgentFlag() {
        String message = Attacher.explain(FAILURE, List.of(), false, JAR);
        assertThat(message)
                .contains(MAVEN + "-javaagent:" + JAR + "</argLine>")
                .contains(GRADLE + "\"-javaagent:" + JAR + "\")")
                .doesNotContain("<argLine>@{argLine} -XX:+EnableDynamicAgentLoading</argLine>");
    }

    @Test
    void byDefaultItSaysToEnableDynamicAgentLoadingOrUseJavaAgentAndWhereToPutTheFlag() {
        String message = Attacher.explain(FAILURE, List.of("-Xmx1g", "-ea"), true, JAR);
        assertThat(message)
                .contains("Add -XX:+EnableDynamicAgentLoading to let Cascade attach to the JVM it runs in")
                .contains("or load the agent at start-up with -javaagent:" + JAR + ". ")
                .contains(MAVEN + "-XX:+EnableDynamicAgentLoading</argLine></configuration> in the maven-surefire-plugin")
                .contains(GRADLE + "\"-XX:+EnableDynamicAgentLoading\") }")
                .endsWith("an IDE or plain java: the VM options.");
    }

    @Test
    void theFailureShownIsTheRootCauseAndABlankMessageIsLeftOut() {
        Throwable nested = new RuntimeException("outer", new IllegalStateException("middle", new UnsupportedOperationException("  ")));
        assertThat(Attacher.explain(nested, List.of(), true, JAR))
                .startsWith("Cascade could not install its agent into this JVM (UnsupportedOperationException), ");
        assertThat(Attacher.explain(new LinkageError("no libattach"), List.of(), true, JAR))
                .startsWith("Cascade could not install its agent into this JVM (LinkageError: no libattach), ");
    }

    @Test
    void theAgentJarIsTheByteBuddyAgentJarOnThisMachine() {
        Path jar = Path.of(Attacher.agentJar());
        assertThat(jar.getFileName().toString()).startsWith("byte-buddy-agent").endsWith(".jar");
        assertThat(Files.isRegularFile(jar)).isTrue();
    }
}
