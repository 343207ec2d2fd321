package dev.cascade.agent.internal;

import dev.cascade.internal.Echo;

import java.lang.reflect.Array;

/**
 * A short, safe rendering of a call's arguments for the trace: strings (quoted), numbers, booleans,
 * characters, enums and records as themselves, arrays as their type and length, anything else as its
 * class's simple name, so tracing never runs arbitrary {@code toString} code. Each argument is cut to
 * {@value #PER_ARGUMENT} characters.
 */
public final class Arguments {
    static final int PER_ARGUMENT = 40;

    private Arguments() {}

    public static String summarize(Object[] arguments) {
        if (arguments == null || arguments.length == 0) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < arguments.length; i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(cut(one(arguments[i])));
        }
        return out.toString();
    }

    private static String one(Object argument) {
        if (argument == null) {
            return "null";
        }
        Class<?> type = argument.getClass();
        if (argument instanceof CharSequence text) {
            return "\"" + text + "\"";
        }
        if (argument instanceof Number || argument instanceof Boolean || argument instanceof Enum<?>) {
            return String.valueOf(argument);
        }
        if (argument instanceof Character c) {
            return "'" + c + "'";
        }
        if (type.isArray()) {
            return type.getComponentType().getSimpleName() + "[" + Array.getLength(argument) + "]";
        }
        if (type.isRecord()) {
            try {
                return argument.toString();
            } catch (RuntimeException failed) {
                return type.getSimpleName();
            }
        }
        return type.getSimpleName().isEmpty() ? type.getName() : type.getSimpleName();
    }

    private static String cut(String text) {
        return Echo.shortened(text, PER_ARGUMENT);
    }
}
