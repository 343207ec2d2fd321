package dev.cascade.junit;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Surefire argLine diagnosis: what is missing, and the exact line to add. */
class ArgLineTests {
    @Test
    void a_jvm_with_every_flag_needs_nothing() {
        assertThat(ArgLine.diagnose(true, List.of("-XX:+EnableDynamicAgentLoading"), "true")).isEmpty();
        assertThat(ArgLine.diagnose(true, List.of("-javaagent:/m2/byte-buddy-agent-1.18.14.jar"), "true")).isEmpty();
    }

    @Test
    void a_jvm_without_flags_is_told_each_one_and_the_exact_surefire_line() {
        assertThat(ArgLine.diagnose(false, List.of(), null)).hasValue("the test JVM lacks "
                + "--add-opens=java.base/java.lang=ALL-UNNAMED (simulations run on the slower baton backend without it), "
                + "-XX:+EnableDynamicAgentLoading (the JVM warns when a test weaves user code, and a future JDK refuses it), "
                + "-Dnet.bytebuddy.safe=true (ByteBuddy's sun.misc.Unsafe warning on JDK 24+). Add to the maven-surefire-plugin's "
                + "<configuration>: <argLine>@{argLine} --add-opens=java.base/java.lang=ALL-UNNAMED -XX:+EnableDynamicAgentLoading "
                + "-Dnet.bytebuddy.safe=true</argLine> (with an empty <argLine></argLine> in <properties> so @{argLine} resolves); "
                + "Gradle: tasks.test { jvmArgs(\"--add-opens=java.base/java.lang=ALL-UNNAMED\", \"-XX:+EnableDynamicAgentLoading\", "
                + "\"-Dnet.bytebuddy.safe=true\") }");
    }

    @Test
    void only_the_missing_flag_is_named() {
        assertThat(ArgLine.diagnose(false, List.of("-XX:+EnableDynamicAgentLoading"), "true")).get().asString()
                .startsWith("the test JVM lacks --add-opens=java.base/java.lang=ALL-UNNAMED (simulations run on the slower baton backend without it). Add");
    }
}
