package dev.cascade.agent;

import dev.cascade.agent.internal.Attacher;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Installing the agent: in this JVM (self-attach, as the build's Surefire configuration allows), and in
 * fresh JVMs started with the flags a user might have: none, dynamic loading forbidden, {@code -javaagent}.
 */
class AgentInstallTests {

    /** What a JVM running {@link InstallProbe} printed, and its exit status. */
    private record Run(int status, String out, String err) {}

    private static Run probe(String... jvmFlags) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmFlags));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), InstallProbe.class.getName()));
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        boolean ended = process.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
            throw new AssertionError("the probe JVM did not end within 120 s: " + command);
        }
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void inTheBuildsJvmTheAgentInstallsItselfAndPassesItsSelfTest() {
        assertThat(CascadeAgent.install()).isEqualTo(CascadeAgent.Installation.SELF_ATTACH);
        assertThat(CascadeAgent.install()).as("installing twice is installing once").isEqualTo(CascadeAgent.Installation.SELF_ATTACH);
    }

    @Test
    void withTheRecommendedFlagsItSelfAttachesWeavesAndPrintsNoWarning() throws Exception {
        Run run = probe("-XX:+EnableDynamicAgentLoading", "-Dnet.bytebuddy.safe=true");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("installed SELF_ATTACH").contains("woven [example.shop.SlowClient]");
        assertThat(run.err()).doesNotContain("WARNING");
    }

    @Test
    void withoutFlagsItStillSelfAttachesButTheJvmWarnsAboutTheDynamicallyLoadedAgent() throws Exception {
        Run run = probe();
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("installed SELF_ATTACH");
        assertThat(run.err()).contains("WARNING: A Java agent has been loaded dynamically").contains("-XX:+EnableDynamicAgentLoading");
    }

    @Test
    void whenTheJvmForbidsLoadingAnAgentInstallFailsNamingTheFlagAndWhereToPutIt() throws Exception {
        Run run = probe("-XX:-EnableDynamicAgentLoading", "-Dnet.bytebuddy.safe=true");
        assertThat(run.status()).as(run.out() + run.err()).isEqualTo(3);
        assertThat(run.err())
                .contains("Cascade could not install its agent")
                .contains("-XX:-EnableDynamicAgentLoading")
                .contains("-XX:+EnableDynamicAgentLoading")
                .contains("-javaagent:" + Attacher.agentJar())
                .contains("<argLine>@{argLine} -XX:+EnableDynamicAgentLoading</argLine>")
                .contains("jvmArgs(\"-XX:+EnableDynamicAgentLoading\")");
    }

    @Test
    void withTheByteBuddyAgentJarAsJavaagentItUsesItEvenWhenDynamicLoadingIsForbidden() throws Exception {
        Run run = probe("-javaagent:" + Attacher.agentJar(), "-XX:-EnableDynamicAgentLoading", "-Dnet.bytebuddy.safe=true");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("installed JAVA_AGENT").contains("woven [example.shop.SlowClient]");
        assertThat(run.err()).doesNotContain("WARNING");
    }
}
