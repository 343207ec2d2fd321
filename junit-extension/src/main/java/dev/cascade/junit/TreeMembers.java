package dev.cascade.junit;

import dev.cascade.supervisor.SupervisorSpec;
import org.junit.jupiter.api.extension.ParameterResolutionException;

import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The {@link Tree @Tree} declarations of a test class and its enclosing classes, checked, by name. */
final class TreeMembers {
    private final Class<?> testClass;
    private final Map<String, Member> byName;

    private TreeMembers(Class<?> testClass, Map<String, Member> byName) {
        this.testClass = testClass;
        this.byName = byName;
    }

    /** Reflection over a class with many tests costs more than a test: look once per class. */
    private static final ClassValue<TreeMembers> FOUND = new ClassValue<>() {
        @Override
        protected TreeMembers computeValue(Class<?> type) {
            return find(type); // a malformed class throws here each time it is asked, so every test reports it
        }
    };

    static TreeMembers of(Class<?> testClass) {
        return FOUND.get(testClass);
    }

    private static TreeMembers find(Class<?> testClass) {
        Map<String, Member> byName = new LinkedHashMap<>();
        for (Class<?> at = testClass; at != null; at = at.getEnclosingClass()) {
            List<Member> members = new ArrayList<>();
            for (Method method : at.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Tree.class)) {
                    members.add(method);
                }
            }
            for (Field field : at.getDeclaredFields()) {
                if (field.isAnnotationPresent(Tree.class)) {
                    members.add(field);
                }
            }
            members.sort(java.util.Comparator.comparing(Member::getName));
            Map<String, Member> level = new LinkedHashMap<>();
            for (Member member : members) {
                check(member);
                Member twin = level.put(name(member), member);
                if (twin != null) {
                    throw new ParameterResolutionException("two @Tree members of " + at.getName() + " are named \"" + name(member)
                            + "\": " + show(twin) + " and " + show(member) + "; rename one, or give them different names with @Tree(\"...\")");
                }
            }
            level.forEach(byName::putIfAbsent); // an inner class's tree hides an enclosing one of the same name
        }
        return new TreeMembers(testClass, byName);
    }

    /** The spec of the tree {@code name} (empty: the only tree), made now. */
    SupervisorSpec spec(String name) {
        return make(member(name));
    }

    /** The name the tree resolves to: {@code name} itself, or the only tree's name when empty. */
    String resolve(String name) {
        return name(member(name));
    }

    private Member member(String name) {
        if (name.isEmpty()) {
            if (byName.size() == 1) {
                return byName.values().iterator().next();
            }
            throw new ParameterResolutionException(byName.isEmpty()
                    ? "no @Tree in " + testClass.getName() + " or its enclosing classes; declare one, e.g. "
                            + "@Tree static SupervisorSpec payments() { return SupervisorSpec.oneForOne()... }"
                    : testClass.getName() + " declares " + byName.size() + " trees (" + declared()
                            + "); say which with @Tree(\"" + byName.keySet().iterator().next() + "\") on the parameter");
        }
        Member member = byName.get(name);
        if (member == null) {
            throw new ParameterResolutionException("no @Tree named \"" + name + "\" in " + testClass.getName()
                    + " or its enclosing classes (declared: " + (byName.isEmpty() ? "none" : declared()) + "); fix the name, "
                    + "or declare @Tree static SupervisorSpec " + (isIdentifier(name) ? name : "tree") + "() { ... }");
        }
        return member;
    }

    private String declared() {
        return byName.entrySet().stream().map(e -> "\"" + e.getKey() + "\" " + show(e.getValue())).collect(Collectors.joining(", "));
    }

    private static void check(Member member) {
        Class<?> type = member instanceof Method method ? method.getReturnType() : ((Field) member).getType();
        String kind = member instanceof Method ? "returns " : "is of type ";
        if (!SupervisorSpec.class.isAssignableFrom(type)) {
            throw new ParameterResolutionException("@Tree " + show(member) + " " + kind + type.getSimpleName()
                    + " but a tree is declared by a SupervisorSpec; make it " + (member instanceof Method
                    ? "static SupervisorSpec " + member.getName() + "()" : "static final SupervisorSpec " + member.getName()));
        }
        if (!Modifier.isStatic(member.getModifiers())) {
            throw new ParameterResolutionException("@Tree " + show(member) + " is not static; make it static (a tree is made "
                    + "before the test instance is used)");
        }
        if (member instanceof Method method && method.getParameterCount() > 0) {
            throw new ParameterResolutionException("@Tree " + show(member) + " takes parameters; a @Tree method takes none");
        }
    }

    private static SupervisorSpec make(Member member) {
        try {
            Object spec;
            if (member instanceof Method method) {
                method.setAccessible(true);
                spec = method.invoke(null);
            } else {
                Field field = (Field) member;
                field.setAccessible(true);
                spec = field.get(null);
            }
            if (spec == null) {
                throw new ParameterResolutionException("@Tree " + show(member) + " gave null; return a SupervisorSpec");
            }
            return (SupervisorSpec) spec;
        } catch (java.lang.reflect.InvocationTargetException failed) {
            throw new ParameterResolutionException("@Tree " + show(member) + " threw " + failed.getCause(), failed.getCause());
        } catch (IllegalAccessException | RuntimeException failed) {
            if (failed instanceof ParameterResolutionException own) {
                throw own;
            }
            throw new ParameterResolutionException("@Tree " + show(member) + " could not be read: " + failed, failed);
        }
    }

    static String name(Member member) {
        Tree tree = member instanceof Method method ? method.getAnnotation(Tree.class) : ((Field) member).getAnnotation(Tree.class);
        return tree.value().isEmpty() ? member.getName() : tree.value();
    }

    private static String show(Member member) {
        String owner = member.getDeclaringClass().getSimpleName();
        return member instanceof Method ? owner + "." + member.getName() + "()" : owner + "." + member.getName();
    }

    private static boolean isIdentifier(String name) {
        return !name.isEmpty() && Character.isJavaIdentifierStart(name.charAt(0)) && name.chars().allMatch(Character::isJavaIdentifierPart);
    }
}
