package dev.cascade.agent;

import example.shop.SlowClient;

/**
 * Run in a separate JVM by {@link AgentInstallTests}: installs the agent, weaves one method, prints
 * how it went on standard output and exits 0; exits 3 with the agent's message on standard error if it
 * could not install.
 */
public final class InstallProbe {
    private InstallProbe() {}

    public static void main(String[] args) {
        try {
            System.out.println("installed " + CascadeAgent.install());
            try (Instrumented session = CascadeAgent.instrument(UserCode.methods(MethodMatch.method(SlowClient.class, "fetch")))) {
                System.out.println("woven " + session.wovenClasses());
            }
        } catch (AgentUnavailableException unavailable) {
            System.err.println(unavailable.getMessage());
            System.exit(3);
        }
        System.exit(0);
    }
}
