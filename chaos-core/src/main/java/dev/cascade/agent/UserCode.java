package dev.cascade.agent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What of the user's code an {@link Instrumented} session changes: the methods it traces and can
 * break ({@link MethodMatch}), and the packages whose clock reads and sleeps run on a simulation's
 * virtual time. Nothing else is touched: no JDK class, and no library unless its package is named here.
 *
 * <pre>{@code
 * UserCode.methods(MethodMatch.method(PaymentGateway.class, "charge"))
 *         .virtualTimeIn("com.acme.billing");
 * }</pre>
 *
 * @param methods             the methods calls of which are traced, and which method faults may target
 * @param virtualTimePackages packages (with their subpackages) whose calls of {@code System.currentTimeMillis},
 *                            {@code System.nanoTime} and {@code Thread.sleep} follow a simulated scheduler's clock
 */
public record UserCode(List<MethodMatch> methods, Set<String> virtualTimePackages) {
    private static final Pattern PACKAGE = Pattern.compile("\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*"
            + "(\\.\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)*");
    private static final List<String> NOT_USER_CODE = List.of("java", "javax", "jdk", "sun", "com.sun", "dev.cascade", "net.bytebuddy");

    public UserCode {
        methods = List.copyOf(new LinkedHashSet<>(methods));
        Set<String> packages = new LinkedHashSet<>();
        for (String name : virtualTimePackages) {
            packages.add(checkPackage(name));
        }
        virtualTimePackages = Set.copyOf(packages);
    }

    /** Nothing: an empty session. */
    public static UserCode nothing() {
        return new UserCode(List.of(), Set.of());
    }

    /** Traces (and lets faults target) the methods {@code matches} select. */
    public static UserCode methods(MethodMatch... matches) {
        return nothing().andMethods(matches);
    }

    /** Only virtual time, in {@code packages}. */
    public static UserCode virtualTime(String... packages) {
        return nothing().virtualTimeIn(packages);
    }

    /** These methods as well. */
    public UserCode andMethods(MethodMatch... matches) {
        List<MethodMatch> all = new ArrayList<>(methods);
        for (MethodMatch match : matches) {
            all.add(Objects.requireNonNull(match, "method match"));
        }
        return new UserCode(all, virtualTimePackages);
    }

    /** Clock reads and sleeps in these packages (and their subpackages) follow virtual time under simulation. */
    public UserCode virtualTimeIn(String... packages) {
        Set<String> all = new LinkedHashSet<>(virtualTimePackages);
        all.addAll(Arrays.asList(packages));
        return new UserCode(methods, all);
    }

    /** Everything this and {@code other} name. */
    public UserCode with(UserCode other) {
        UserCode both = andMethods(other.methods.toArray(MethodMatch[]::new));
        return both.virtualTimeIn(other.virtualTimePackages.toArray(String[]::new));
    }

    /** True if this names no method and no package. */
    public boolean isEmpty() {
        return methods.isEmpty() && virtualTimePackages.isEmpty();
    }

    private static String checkPackage(String name) {
        Objects.requireNonNull(name, "package");
        if (!PACKAGE.matcher(name).matches()) {
            throw new IllegalArgumentException("virtual time package must be a Java package name like com.acme.billing but was \""
                    + name + "\"");
        }
        for (String owned : NOT_USER_CODE) {
            if (name.equals(owned) || name.startsWith(owned + ".") || owned.startsWith(name + ".")) {
                throw new IllegalArgumentException("virtual time package " + name + " would reach into " + owned + ".*, which is the "
                        + "JDK, Cascade or ByteBuddy; name your own packages (the runtime already keeps its own time)");
            }
        }
        return name;
    }
}
