package dev.cascade.cli;

import dev.cascade.internal.Echo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A command's options and operands, parsed against the flags it declares: switches ({@code --real})
 * and flags with a value ({@code --out DIR}). An unknown flag, a missing value and a flag given
 * twice are refused ({@link BadInput}); {@code --} ends the options, so a file may start with
 * {@code --}. A command adds a flag by declaring it, nothing else; a flag declared repeatable
 * ({@code --spec A --spec B}) collects its values instead ({@link #values}).
 *
 * <pre>{@code
 * Options options = Options.parse(args, 1, Set.of("--real"), Map.of("--out", "DIR"));
 * Path out = options.value("--out").map(Path::of).orElse(DEFAULT_OUT);
 * }</pre>
 *
 * <p>Public for the commands in this package's sub-packages ({@code cascade otp}), so that every
 * command parses its words the same way; it is the command line's own parser, not a library.
 */
public final class Options {
    private final Map<String, String> given = new LinkedHashMap<>();
    private final Map<String, List<String>> collected = new LinkedHashMap<>();
    private final List<String> operands = new ArrayList<>();
    private final Set<String> repeatable;

    private Options(Set<String> repeatable) {
        this.repeatable = repeatable;
    }

    /** Parses {@code args} from {@code from} on, no flag repeatable; see {@link #parse(String[], int, Set, Map, Set)}. */
    public static Options parse(String[] args, int from, Set<String> switches, Map<String, String> valued) {
        return parse(args, from, switches, valued, Set.of());
    }

    /**
     * Parses {@code args} from {@code from} on.
     *
     * @param switches flags without a value
     * @param valued     flags with a value, each mapped to the name of its value for messages ({@code "DIR"})
     * @param repeatable valued flags that may be given more than once
     * @throws BadInput for an unknown flag, a flag without its value, or a flag (not repeatable) given twice
     */
    public static Options parse(String[] args, int from, Set<String> switches, Map<String, String> valued, Set<String> repeatable) {
        Options options = new Options(repeatable);
        boolean onlyOperands = false;
        for (int i = from; i < args.length; i++) {
            String arg = args[i];
            if (onlyOperands || !arg.startsWith("--")) {
                options.operands.add(arg);
            } else if (arg.equals("--")) {
                onlyOperands = true;
            } else if (switches.contains(arg)) {
                options.put(arg, "");
            } else if (valued.containsKey(arg)) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw BadInput.usage(arg + " needs a value: " + arg + " " + valued.get(arg));
                }
                options.put(arg, args[++i]);
            } else {
                throw BadInput.usage("unknown option \"" + Shown.value(arg) + "\" (" + (switches.isEmpty() && valued.isEmpty()
                        ? "this command takes no options" : "expected: " + expected(switches, valued)) + ")");
            }
        }
        return options;
    }

    private void put(String flag, String value) {
        if (repeatable.contains(flag)) {
            collected.computeIfAbsent(flag, unused -> new ArrayList<>()).add(value);
            return;
        }
        String earlier = given.putIfAbsent(flag, value);
        if (earlier != null) {
            throw BadInput.usage(flag + " is given twice" + (value.isEmpty() ? "" : " (\"" + Shown.value(earlier) + "\" and \""
                    + Shown.value(value) + "\")") + "; give it once");
        }
    }

    private static String expected(Set<String> switches, Map<String, String> valued) {
        List<String> all = new ArrayList<>();
        valued.forEach((flag, name) -> all.add(flag + " " + name));
        all.addAll(switches);
        return String.join(", ", all.stream().sorted().toList());
    }

    /** Whether {@code flag} was given. */
    public boolean has(String flag) {
        return given.containsKey(flag) || collected.containsKey(flag);
    }

    /** The value of a flag given once. */
    public Optional<String> value(String flag) {
        return Optional.ofNullable(given.get(flag));
    }

    /**
     * The whole number {@code flag} gives, from {@code min} to {@code max}; empty when it was not given.
     *
     * <pre>{@code
     * int parallel = (int) options.number("--parallel", 1, 256).orElse(8);
     * }</pre>
     *
     * @throws BadInput {@code --parallel needs a whole number, got "many"} or {@code --parallel must be between 1 and 256, got 0}
     */
    public OptionalLong number(String flag, long min, long max) {
        Optional<String> text = value(flag);
        if (text.isEmpty()) {
            return OptionalLong.empty();
        }
        long value;
        try {
            value = Long.parseLong(text.get());
        } catch (NumberFormatException notANumber) {
            throw BadInput.usage(flag + " needs a whole number, got " + Echo.quoted(text.get()));
        }
        if (value < min || value > max) {
            throw BadInput.usage(flag + " must be between " + min + " and " + max + ", got " + value);
        }
        return OptionalLong.of(value);
    }

    /** The values of a repeatable flag, in the order given (empty if it was not given). */
    public List<String> values(String flag) {
        return List.copyOf(collected.getOrDefault(flag, List.of()));
    }

    /** The arguments that are not flags or their values, in order. */
    public List<String> operands() {
        return List.copyOf(operands);
    }

    /**
     * The operands, each at most once: the same file or id given twice is refused as a flag given
     * twice is, since running it twice would only repeat (and overwrite) the first run's output.
     *
     * @param what the operand's name in the message ({@code "scenario file"})
     * @throws BadInput naming the operand given twice
     */
    public List<String> operandsOnce(String what) {
        Set<String> seen = new HashSet<>();
        for (String operand : operands) {
            if (!seen.add(operand)) {
                throw BadInput.usage(what + " \"" + Shown.value(operand) + "\" is given twice; give it once");
            }
        }
        return operands();
    }
}
