package dev.cascade.benchmarks.suite;

import java.util.Arrays;

/**
 * The benchmarks jar's entry point: {@code suite ...} runs the {@link Suite}; anything else goes to
 * JMH's own command line ({@code java -jar benchmarks.jar 'PingPong' -prof gc}, {@code -h}, {@code -l}).
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("suite")) {
            Suite.main(Arrays.copyOfRange(args, 1, args.length));
        } else {
            org.openjdk.jmh.Main.main(args);
        }
    }
}
