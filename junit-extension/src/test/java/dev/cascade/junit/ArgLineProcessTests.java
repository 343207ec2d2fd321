package dev.cascade.junit;

import dev.cascade.chaos.ChaosTree;
import dev.cascade.chaos.Fault;
import dev.cascade.junit.examples.shop.Cache;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.SupervisorSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** A test JVM started without Cascade's flags is told, once, what to add to Surefire's argLine; one with them is told nothing. */
class ArgLineProcessTests {
    @TempDir
    Path folder;

    @CascadeTest
    static class OneChaosTest {
        @Tree
        static final SupervisorSpec CACHE = SupervisorSpec.oneForOne().withChild(ChildSpec.worker("cache", Cache::new));

        @Test
        void kill(ChaosTree tree) {
            tree.inject(Fault.kill("root/cache"));
            tree.runFor(Duration.ofMillis(10));
        }
    }

    /** The child JVM: runs {@link OneChaosTest} with the JUnit launcher, exits 0 when it passed. */
    public static void main(String[] args) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(OneChaosTest.class))
                .configurationParameter(RunFiles.OUTPUT_DIR, args[0]).build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request, listener);
        System.exit(listener.getSummary().getTestsSucceededCount() == 1 ? 0 : 1);
    }

    private String stderrOfJvmWith(String... flags) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(List.of(flags));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ArgLineProcessTests.class.getName(), folder.toString()));
        Path err = folder.resolve("stderr.txt");
        Process process = new ProcessBuilder(command).redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the child JVM finished").isTrue();
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(stderr).isZero();
        return stderr;
    }

    @Test
    void a_jvm_without_the_flags_is_told_the_exact_line_to_add_and_the_test_still_runs() throws Exception {
        String stderr = stderrOfJvmWith();
        assertThat(stderr).contains("cascade: the test JVM lacks --add-opens=java.base/java.lang=ALL-UNNAMED (simulations run on the "
                + "slower baton backend without it), -XX:+EnableDynamicAgentLoading", ArgLine.LINE);
        assertThat(stderr.lines().filter(line -> line.startsWith("cascade: the test JVM lacks"))).hasSize(1);
    }

    @Test
    void a_jvm_with_the_flags_is_told_nothing() throws Exception {
        String stderr = stderrOfJvmWith("--add-opens=java.base/java.lang=ALL-UNNAMED", "-XX:+EnableDynamicAgentLoading",
                "-Dnet.bytebuddy.safe=true");
        assertThat(stderr).doesNotContain("cascade: the test JVM lacks");
    }
}
