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

    private Weaving(Instrumentation instrumentation, ResettableClassFileTransformer transformer, Set<String> woven,
            List<String> errors) {
        this.instrumentation = instrumentation;
        this.transformer = transformer;
        this.woven = woven;
        this.errors = errors;
    }

    /** Weaves {@code code} into the JVM; throws, with nothing left woven, if any loaded class could not be. */
    static Weaving install(Instrumentation instrumentation, UserCode code) {
        Matching matching = new Matching(code);
        Advice advice = CallAdvice.advice();
        AsmVisitorWrapper clock = ClockCalls.redirect();
        Set<String> woven = ConcurrentHashMap.newKeySet();
        List<String> errors = new CopyOnWriteArrayList<>();
        ResettableClassFileTransformer transformer = new AgentBuilder.Default()
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(new RetransformErrors(errors))
                .with(new Outcomes(woven, errors))
                .ignore(nameStartsWith("java.").or(nameStartsWith("javax.")).or(nameStartsWith("jdk.")).or(nameStartsWith("sun."))
                        .or(nameStartsWith("com.sun.")).or(nameStartsWith("dev.cascade.")).or(nameStartsWith("net.bytebuddy."))
                        .or(isSynthetic()))
                .or(any(), isBootstrapClassLoader().or(isExtensionClassLoader()))
                .type(matching.types())
                .transform((builder, type, loader, module, domain) -> weave(builder, type, matching, advice, clock))
                .installOn(instrumentation);
        Weaving weaving = new Weaving(instrumentation, transformer, woven, errors);
        if (!errors.isEmpty()) {
            List<String> failed = List.copyOf(errors);
            weaving.reset();
            throw new InstrumentationException("Cascade could not instrument every class it matched, so it instrumented none: "
                    + String.join("; ", failed), failed);
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

    /** Records which classes were woven and which failed. */
    private static final class Outcomes extends AgentBuilder.Listener.Adapter {
        private final Set<String> woven;
        private final List<String> errors;

        Outcomes(Set<String> woven, List<String> errors) {
            this.woven = woven;
            this.errors = errors;
        }

        @Override
        public void onTransformation(TypeDescription type, ClassLoader loader, JavaModule module, boolean loaded, DynamicType dynamicType) {
            woven.add(type.getName());
        }

        @Override
        public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded, Throwable throwable) {
            errors.add(typeName + ": " + throwable);
        }
    }

    /** Records a batch of loaded classes the JVM refused to retransform. */
    private static final class RetransformErrors extends AgentBuilder.RedefinitionStrategy.Listener.Adapter {
        private final List<String> errors;

        RetransformErrors(List<String> errors) {
            this.errors = errors;
        }

        @Override
        public Iterable<? extends List<Class<?>>> onError(int index, List<Class<?>> batch, Throwable throwable, List<Class<?>> types) {
            List<String> names = new ArrayList<>();
            batch.forEach(type -> names.add(type.getName()));
            errors.add("retransforming " + names + ": " + throwable);
            return Collections.emptyList();
        }
    }
}
