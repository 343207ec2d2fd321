package dev.cascade.junit;

import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Says, once per JVM, which of the flags Cascade wants the test JVM lacks, and the exact Surefire line that adds
 * them. Without {@code --add-opens} simulations run on the slower baton backend; without the agent flags the JVM
 * prints warnings when a test weaves user code.
 */
final class ArgLine {
    static final String LINE = "<argLine>@{argLine} --add-opens=java.base/java.lang=ALL-UNNAMED "
            + "-XX:+EnableDynamicAgentLoading -Dnet.bytebuddy.safe=true</argLine>";
    private static final AtomicBoolean SAID = new AtomicBoolean();

    private ArgLine() {}

    static void diagnoseOnce(ExtensionContext context) {
        if (SAID.compareAndSet(false, true)) {
            diagnose(Object.class.getModule().isOpen("java.lang", ArgLine.class.getModule()),
                    ManagementFactory.getRuntimeMXBean().getInputArguments(), System.getProperty("net.bytebuddy.safe"))
                    .ifPresent(advice -> {
                        context.publishReportEntry("cascade.argLine", advice);
                        System.err.println("cascade: " + advice);
                    });
        }
    }

    /** What is missing and how to add it; empty when nothing is. */
    static Optional<String> diagnose(boolean javaLangOpen, List<String> jvmArguments, String byteBuddySafe) {
        List<String> missing = new ArrayList<>();
        if (!javaLangOpen) {
            missing.add("--add-opens=java.base/java.lang=ALL-UNNAMED (simulations run on the slower baton backend without it)");
        }
        if (!jvmArguments.contains("-XX:+EnableDynamicAgentLoading") && jvmArguments.stream().noneMatch(a -> a.startsWith("-javaagent:"))) {
            missing.add("-XX:+EnableDynamicAgentLoading (the JVM warns when a test weaves user code, and a future JDK refuses it)");
        }
        if (!"true".equals(byteBuddySafe)) {
            missing.add("-Dnet.bytebuddy.safe=true (ByteBuddy's sun.misc.Unsafe warning on JDK 24+)");
        }
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("the test JVM lacks " + String.join(", ", missing) + ". Add to the maven-surefire-plugin's "
                + "<configuration>: " + LINE + " (with an empty <argLine></argLine> in <properties> so @{argLine} resolves); "
                + "Gradle: tasks.test { jvmArgs(\"--add-opens=java.base/java.lang=ALL-UNNAMED\", \"-XX:+EnableDynamicAgentLoading\", "
                + "\"-Dnet.bytebuddy.safe=true\") }");
    }
}
