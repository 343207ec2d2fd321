package dev.cascade.agent.internal;

import dev.cascade.agent.MethodMatch;

import java.util.List;
import java.util.Set;

/**
 * One instrumented method, as its hooks know it at run time.
 *
 * @param id          the number its advice passes to {@link UserCalls}
 * @param display     how traces and the ledger name it: {@code SlowClient.fetch}
 * @param types       the binary names of its declaring type and all that type's supertypes
 * @param annotations the binary names of the annotations on the method and on its declaring type
 * @param declared    the binary names of the exception types its {@code throws} clause declares
 */
public record Site(int id, String method, String display, Set<String> types, Set<String> annotations, List<String> declared) {

    /** Whether {@code match} selects this method. */
    public boolean matches(MethodMatch match) {
        return (match.typeName() == null || types.contains(match.typeName()))
                && (match.methodName() == null || match.methodName().equals(method))
                && (match.annotation() == null || annotations.contains(match.annotation()));
    }

    /** Whether the method may throw {@code type}: unchecked, or a subtype of an exception it declares. */
    public boolean mayThrow(Class<? extends Throwable> type) {
        if (RuntimeException.class.isAssignableFrom(type) || Error.class.isAssignableFrom(type)) {
            return true;
        }
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (declared.contains(c.getName())) {
                return true;
            }
        }
        return false;
    }
}
