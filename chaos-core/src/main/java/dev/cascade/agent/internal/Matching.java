package dev.cascade.agent.internal;

import dev.cascade.agent.MethodMatch;
import dev.cascade.agent.UserCode;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.matcher.ElementMatchers;

import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isAnnotatedWith;
import static net.bytebuddy.matcher.ElementMatchers.isBridge;
import static net.bytebuddy.matcher.ElementMatchers.isDeclaredBy;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isNative;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.none;
import static net.bytebuddy.matcher.ElementMatchers.not;

/** {@link UserCode} as ByteBuddy matchers: which types to weave, which of their methods get advice, which get the virtual clock. */
final class Matching {
    private final ElementMatcher.Junction<TypeDescription> methodTypes;
    private final ElementMatcher.Junction<MethodDescription> methods;
    private final ElementMatcher.Junction<TypeDescription> clockTypes;

    Matching(UserCode code) {
        ElementMatcher.Junction<TypeDescription> types = none();
        ElementMatcher.Junction<MethodDescription> selected = none();
        for (MethodMatch match : code.methods()) {
            types = types.or(typesOf(match));
            selected = selected.or(methodsOf(match));
        }
        this.methodTypes = types;
        this.methods = isMethod().and(not(isAbstract())).and(not(isNative())).and(not(isSynthetic())).and(not(isBridge()))
                .and(not(isDeclaredBy(Object.class))).and(selected);
        ElementMatcher.Junction<TypeDescription> clock = none();
        for (String name : code.virtualTimePackages()) {
            clock = clock.or(nameStartsWith(name + "."));
        }
        this.clockTypes = clock;
    }

    /** Types with something to weave. */
    ElementMatcher.Junction<TypeDescription> types() {
        return methodTypes.or(clockTypes);
    }

    ElementMatcher.Junction<MethodDescription> methods() {
        return methods;
    }

    boolean onVirtualTime(TypeDescription type) {
        return clockTypes.matches(type);
    }

    private static ElementMatcher.Junction<TypeDescription> typesOf(MethodMatch match) {
        ElementMatcher.Junction<TypeDescription> types = match.typeName() == null ? ElementMatchers.any()
                : hasSuperType(named(match.typeName()));
        if (match.annotation() != null) {
            types = types.and(isAnnotatedWith(named(match.annotation())).or(declaresMethod(isAnnotatedWith(named(match.annotation())))));
        }
        return types;
    }

    private static ElementMatcher.Junction<MethodDescription> methodsOf(MethodMatch match) {
        ElementMatcher.Junction<MethodDescription> methods = ElementMatchers.any();
        if (match.typeName() != null) {
            methods = methods.and(isDeclaredBy(hasSuperType(named(match.typeName()))));
        }
        if (match.methodName() != null) {
            methods = methods.and(named(match.methodName()));
        }
        if (match.annotation() != null) {
            methods = methods.and(isAnnotatedWith(named(match.annotation())).or(isDeclaredBy(isAnnotatedWith(named(match.annotation())))));
        }
        return methods;
    }
}
