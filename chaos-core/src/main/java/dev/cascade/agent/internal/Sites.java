package dev.cascade.agent.internal;

import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Every method the agent has woven advice into, by number. A method keeps its number for the life
 * of the JVM, so a class woven again (a new session, a retransformation) keeps naming the same site.
 */
public final class Sites {
    private static final ConcurrentHashMap<String, Site> BY_SIGNATURE = new ConcurrentHashMap<>();
    private static final List<Site> BY_ID = new CopyOnWriteArrayList<>();
    private static final ReentrantLock NUMBERING = new ReentrantLock();

    private Sites() {}

    /** The site {@code id}. */
    public static Site get(int id) {
        return BY_ID.get(id);
    }

    /** The number of {@code method} of {@code type}, registering it the first time. */
    static int register(TypeDescription type, MethodDescription method) {
        String signature = type.getName() + "#" + method.getInternalName() + method.getDescriptor();
        return BY_SIGNATURE.computeIfAbsent(signature, key -> add(describe(type, method))).id();
    }

    /** Registers a site described without ByteBuddy (tests of the hooks, which run with no agent). */
    public static Site register(String signature, Site shape) {
        return BY_SIGNATURE.computeIfAbsent(signature, key -> add(shape));
    }

    private static Site add(Site shape) {
        NUMBERING.lock();
        try {
            Site site = new Site(BY_ID.size(), shape.method(), shape.display(), shape.types(), shape.annotations(), shape.declared());
            BY_ID.add(site);
            return site;
        } finally {
            NUMBERING.unlock();
        }
    }

    private static Site describe(TypeDescription type, MethodDescription method) {
        Set<String> types = new LinkedHashSet<>();
        collect(type, types);
        Set<String> annotations = new LinkedHashSet<>();
        for (AnnotationDescription annotation : method.getDeclaredAnnotations()) {
            annotations.add(annotation.getAnnotationType().getName());
        }
        for (AnnotationDescription annotation : type.getDeclaredAnnotations()) {
            annotations.add(annotation.getAnnotationType().getName());
        }
        List<String> declared = new ArrayList<>();
        method.getExceptionTypes().asErasures().forEach(exception -> declared.add(exception.getName()));
        return new Site(-1, method.getName(), type.getSimpleName() + "." + method.getName(), Set.copyOf(types),
                Set.copyOf(annotations), List.copyOf(declared));
    }

    private static void collect(TypeDefinition type, Set<String> names) {
        if (type == null || !names.add(type.asErasure().getName())) {
            return;
        }
        collect(type.getSuperClass(), names);
        type.getInterfaces().forEach(face -> collect(face, names));
    }
}
