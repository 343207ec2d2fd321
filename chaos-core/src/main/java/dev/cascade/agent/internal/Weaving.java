package dev.cascade.agent.internal;

import dev.cascade.agent.InstrumentationException;
import dev.cascade.agent.UserCode;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.utility.JavaModule;

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static net.bytebuddy.matcher.ElementMatchers.any;
import static net.bytebuddy.matcher.ElementMatchers.isBootstrapClassLoader;
import static net.bytebuddy.matcher.ElementMatchers.isExtensionClassLoader;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;

/**
 * One installed transformation of user classes: advice on the matched methods, virtual-clock calls in
 * the virtual-time packages, applied to classes already loaded (retransformed) and to those loaded
 * later, until {@link #reset} puts every class back as it was.
 *
 * <p>Only method bodies change, never a class's shape, so retransforming is always allowed. The JVM
 * swaps a class's code whole or not at all; a class whose weaving fails stays as it was, and the failure
 * is kept here (and makes {@link #install} undo everything when it happens while installing).
 */
final class Weaving {
    private final Instrumentation instrumentation;
    private final ResettableClassFileTransformer transformer;
    private final Set<String> woven;
    private final List<String> errors;
    private final Set<String> failed;

    private Weaving(Instrumentation instrumentation, ResettableClassFileTransformer transformer, Set<String> woven,
            List<String> errors, Set<String> failed) {
        this.instrumentation = instrumentation;
        this.transformer = transformer;
        this.woven = woven;
        this.errors = errors;
        this.failed = failed;
    }

    /**
     * Weaves {@code code} into the JVM. If {@code strict}, a loaded class that cannot be woven makes it
     * throw, with nothing left woven, unless the class is in {@code known} (it failed before, under the
     * weaving this one replaces, and stays unwoven as it was). Every failure is kept in {@link #errors}.
     */
    static Weaving install(Instrumentation instrumentation, UserCode code, Set<String> known, boolean strict) {
        Matching matching = new Matching(code);
        Advice advice = CallAdvice.advice();
        AsmVisitorWrapper clock = ClockCalls.redirect();
        Set<String> woven = ConcurrentHashMap.newKeySet();
        List<String> errors = new CopyOnWriteArrayList<>();
        Set<String> failed = ConcurrentHashMap.newKeySet();
        ResettableClassFileTransformer transformer = new AgentBuilder.Default()
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(new RetransformErrors(errors, failed))
                .with(new Outcomes(woven, errors, failed))
                .ignore(nameStartsWith("java.").or(nameStartsWith("javax.")).or(nameStartsWith("jdk.")).or(nameStartsWith("sun."))
                        .or(nameStartsWith("com.sun.")).or(nameStartsWith("dev.cascade.")).or(nameStartsWith("net.bytebuddy."))
                        .or(isSynthetic()))
                .or(any(), isBootstrapClassLoader().or(isExtensionClassLoader()))
                .type(matching.types())
                .transform((builder, type, loader, module, domain) -> weave(builder, type, matching, advice, clock))
                .installOn(instrumentation);
        Weaving weaving = new Weaving(instrumentation, transformer, woven, errors, failed);
        if (strict && !known.containsAll(failed)) {
            List<String> failures = List.copyOf(errors);
            weaving.reset();
            throw new InstrumentationException("Cascade could not instrument every class it matched, so it instrumented none: "
                    + String.join("; ", failures), failures);
        }
        return weaving;
    }

    private static DynamicType.Builder<?> weave(DynamicType.Builder<?> builder, TypeDescription type, Matching matching,
            Advice advice, AsmVisitorWrapper clock) {
        DynamicType.Builder<?> woven = builder.visit(advice.on(matching.methods()));
        return matching.onVirtualTime(type) ? woven.visit(clock) : woven;
    }

    /** Puts every class this weaving changed back as it was, and stops weaving classes loaded from now on. */
    void reset() {
        transformer.reset(instrumentation, AgentBuilder.RedefinitionStrategy.RETRANSFORMATION);
    }

    /** The classes woven so far (binary names). */
    Set<String> woven() {
        return Set.copyOf(woven);
    }

    /** Classes that could not be woven, with why. */
    List<String> errors() {
        return List.copyOf(errors);
    }

    /** The binary names of the classes that could not be woven. */
    Set<String> failed() {
        return Set.copyOf(failed);
    }

    /** Records which classes were woven and which failed. */
    private static final class Outcomes extends AgentBuilder.Listener.Adapter {
        private final Set<String> woven;
        private final List<String> errors;
        private final Set<String> failed;

        Outcomes(Set<String> woven, List<String> errors, Set<String> failed) {
            this.woven = woven;
            this.errors = errors;
            this.failed = failed;
        }

        @Override
        public void onTransformation(TypeDescription type, ClassLoader loader, JavaModule module, boolean loaded, DynamicType dynamicType) {
            woven.add(type.getName());
        }

        @Override
        public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded, Throwable throwable) {
            failed.add(typeName);
            errors.add(typeName + ": " + throwable);
        }
    }

    /** Records a batch of loaded classes the JVM refused to retransform. */
    private static final class RetransformErrors extends AgentBuilder.RedefinitionStrategy.Listener.Adapter {
        private final List<String> errors;
        private final Set<String> failed;

        RetransformErrors(List<String> errors, Set<String> failed) {
            this.errors = errors;
            this.failed = failed;
        }

        @Override
        public Iterable<? extends List<Class<?>>> onError(int index, List<Class<?>> batch, Throwable throwable, List<Class<?>> types) {
            List<String> names = new ArrayList<>();
            batch.forEach(type -> names.add(type.getName()));
            failed.addAll(names);
            errors.add("retransforming " + names + ": " + throwable);
            return Collections.emptyList();
        }
    }
}
