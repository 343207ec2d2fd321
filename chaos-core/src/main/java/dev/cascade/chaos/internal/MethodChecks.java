package dev.cascade.chaos.internal;

import dev.cascade.chaos.Fault;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Checks a fault in a user method against the method, where the method can be found before anything runs. */
final class MethodChecks {
    private MethodChecks() {}

    /**
     * Why {@code fault} cannot throw what it throws, if its method is named on a loadable type and no
     * method of that name declares the (checked) exception; empty when it can, or when that cannot be known yet.
     */
    static Optional<String> declares(Fault.InMethod fault) {
        Class<? extends Throwable> thrown = fault.exception();
        if (thrown == null || RuntimeException.class.isAssignableFrom(thrown) || Error.class.isAssignableFrom(thrown)
                || fault.method().typeName() == null || fault.method().methodName() == null) {
            return Optional.empty();
        }
        Class<?> type;
        try {
            type = Class.forName(fault.method().typeName(), false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException | LinkageError notLoadable) {
            return Optional.empty(); // checked at each call instead
        }
        List<Method> named = Arrays.stream(type.getDeclaredMethods()).filter(m -> m.getName().equals(fault.method().methodName()))
                .toList();
        boolean declared = named.stream().flatMap(m -> Arrays.stream(m.getExceptionTypes()))
                .anyMatch(declaredType -> declaredType.isAssignableFrom(thrown));
        return named.isEmpty() || declared ? Optional.empty() : Optional.of(type.getSimpleName() + "." + fault.method().methodName()
                + " does not declare " + thrown.getSimpleName() + ", a checked exception, so no call of it can throw one; "
                + "throw an unchecked exception or one its throws clause names");
    }
}
