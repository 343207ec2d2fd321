package dev.cascade.agent;

import java.lang.annotation.Annotation;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which methods of user code the agent instruments: a method by name on a type (and the types that
 * extend or implement it), every method of a type, or every method carrying an annotation (on the
 * method or on its class). Constructors, abstract, native, synthetic and bridge methods, and the
 * methods of {@link Object} are never matched.
 *
 * <pre>{@code
 * MethodMatch.method(HttpGateway.class, "send");
 * MethodMatch.anyMethodOf(OrderRepository.class);
 * MethodMatch.annotatedWith(Remote.class);
 * }</pre>
 *
 * <p>Only classes of the application class path can be instrumented: the JDK's own classes
 * ({@code java.net.http.HttpClient}) are loaded where the agent's hooks cannot be seen, so match
 * your class that calls them instead.
 *
 * @param typeName   binary name of the type whose methods (and whose subtypes' methods) match, or null with an annotation
 * @param methodName the method's name, or null for every method
 * @param annotation binary name of the annotation type, or null
 */
public record MethodMatch(String typeName, String methodName, String annotation) {

    public MethodMatch {
        if (typeName == null && annotation == null) {
            throw new IllegalArgumentException("a method match needs a type or an annotation");
        }
        if (typeName != null) {
            checkName("type name", typeName);
            refuseOwnedElsewhere(typeName);
        }
        if (methodName != null) {
            checkName("method name", methodName);
            if (methodName.equals("<init>") || methodName.equals("<clinit>")) {
                throw new IllegalArgumentException("constructors and static initialisers cannot be matched; match a method");
            }
        }
        if (annotation != null) {
            checkName("annotation", annotation);
        }
    }

    /** The method {@code name} of {@code type}, and its overrides in subtypes; {@code type} must have such a method. */
    public static MethodMatch method(Class<?> type, String name) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        refuseJdk(type);
        boolean exists = Stream.concat(Arrays.stream(type.getMethods()), Arrays.stream(type.getDeclaredMethods()))
                .anyMatch(method -> method.getName().equals(name) && method.getDeclaringClass() != Object.class);
        if (!exists) {
            String names = Arrays.stream(type.getDeclaredMethods()).filter(method -> !method.isSynthetic()).map(Method::getName)
                    .collect(Collectors.toCollection(TreeSet::new)).toString();
            throw new IllegalArgumentException(type.getName() + " has no method named " + name + " (its methods: " + names + ")");
        }
        return new MethodMatch(type.getName(), name, null);
    }

    /** The method {@code name} of the type named {@code typeName} (binary name), for a type the test cannot name at compile time. */
    public static MethodMatch method(String typeName, String name) {
        Objects.requireNonNull(name, "name");
        return new MethodMatch(typeName, name, null);
    }

    /** Every method {@code type} (or a subtype) declares. */
    public static MethodMatch anyMethodOf(Class<?> type) {
        Objects.requireNonNull(type, "type");
        refuseJdk(type);
        return new MethodMatch(type.getName(), null, null);
    }

    /** Every method annotated with {@code annotation}, or declared by a type annotated with it; it must be retained at run time. */
    public static MethodMatch annotatedWith(Class<? extends Annotation> annotation) {
        Objects.requireNonNull(annotation, "annotation");
        Retention retention = annotation.getAnnotation(Retention.class);
        if (retention == null || retention.value() != RetentionPolicy.RUNTIME) {
            throw new IllegalArgumentException("@" + annotation.getSimpleName() + " is not retained at run time, so the agent "
                    + "cannot see it on loaded classes; annotate it with @Retention(RetentionPolicy.RUNTIME)");
        }
        return new MethodMatch(null, null, annotation.getName());
    }

    /** The same match, narrowed to methods named {@code name}. */
    public MethodMatch named(String name) {
        return new MethodMatch(typeName, Objects.requireNonNull(name, "name"), annotation);
    }

    /** How the ledger and errors name it: {@code SlowClient.fetch}, {@code SlowClient.*}, {@code @Remote *}. */
    public String describe() {
        String type = typeName == null ? "" : typeName.substring(typeName.lastIndexOf('.') + 1);
        String on = annotation == null ? "" : "@" + annotation.substring(annotation.lastIndexOf('.') + 1) + " ";
        return on + (type.isEmpty() ? "" : type + ".") + (methodName == null ? "*" : methodName);
    }

    @Override
    public String toString() {
        return describe();
    }

    private static void checkName(String what, String name) {
        if (name.isBlank() || name.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("a method match's " + what + " must be a Java name but was \"" + name + "\"");
        }
    }

    private static void refuseJdk(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        if (loader == null || loader == ClassLoader.getPlatformClassLoader()) {
            throw new IllegalArgumentException(type.getName() + " is a JDK class: it is loaded where the agent's hooks cannot be "
                    + "seen, so it cannot be instrumented; match your own class that calls it instead");
        }
    }

    private static void refuseOwnedElsewhere(String typeName) {
        for (String prefix : new String[] {"java.", "javax.", "jdk.", "sun.", "com.sun.", "dev.cascade.", "net.bytebuddy."}) {
            if (typeName.startsWith(prefix)) {
                throw new IllegalArgumentException(typeName + " belongs to the JDK, Cascade or ByteBuddy and cannot be "
                        + "instrumented; match your own class that calls it instead");
            }
        }
    }
}
