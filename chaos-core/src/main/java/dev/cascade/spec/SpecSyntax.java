package dev.cascade.spec;

import dev.cascade.internal.Echo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built-in specs written as their names, for files (a plan file's or a scenario's {@code specs}):
 * {@code isolation(root/gateway, root/ledger)}, {@code containedByStrategy()},
 * {@code escalates(root/app)}, {@code boundedRecovery(root, 5000 ms)}, {@code noLostMessages()},
 * {@code noDroppedMessages(root/db)}, {@code rootSurvives()}, {@code maxRestarts(root/db, 2)}.
 *
 * <pre>{@code
 * CascadeSpec spec = SpecSyntax.parse("boundedRecovery(root, 5 s)");
 * spec.name();                                  // boundedRecovery(root, 5000 ms): parse(name()) gives it back
 * }</pre>
 */
public final class SpecSyntax {
    private static final Pattern CALL = Pattern.compile("\\s*([A-Za-z]+)\\s*\\((.*)\\)\\s*");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s)");
    private static final String KNOWN = "isolation(faulted, untouched…), containedByStrategy(), escalates(supervisor),"
            + " boundedRecovery(path, 5000 ms), noLostMessages(path…), noDroppedMessages(path…), rootSurvives(),"
            + " maxRestarts(path, n)";

    private SpecSyntax() {}

    /**
     * The built-in spec {@code text} names.
     *
     * @throws IllegalArgumentException naming the text, what is wrong and the specs there are
     */
    public static CascadeSpec parse(String text) {
        Matcher call = CALL.matcher(text);
        if (!call.matches()) {
            throw bad(text, "expected a spec like isolation(root/gateway, root/ledger)");
        }
        String[] args = call.group(2).isBlank() ? new String[0]
                : Arrays.stream(call.group(2).split(",")).map(String::strip).toArray(String[]::new);
        return switch (call.group(1)) {
            case "isolation" -> {
                need(text, args, 2, Integer.MAX_VALUE);
                yield CascadeSpec.isolation(args[0], Arrays.copyOfRange(args, 1, args.length));
            }
            case "containedByStrategy" -> {
                need(text, args, 0, 0);
                yield CascadeSpec.containedByStrategy();
            }
            case "escalates" -> {
                need(text, args, 1, 1);
                yield CascadeSpec.escalates(args[0]);
            }
            case "boundedRecovery" -> {
                need(text, args, 2, 2);
                yield CascadeSpec.boundedRecovery(args[0], duration(text, args[1]));
            }
            case "noLostMessages" -> CascadeSpec.noLostMessages(args);
            case "noDroppedMessages" -> CascadeSpec.noDroppedMessages(args);
            case "rootSurvives" -> {
                need(text, args, 0, 0);
                yield CascadeSpec.rootSurvives();
            }
            case "maxRestarts" -> {
                need(text, args, 2, 2);
                yield CascadeSpec.maxRestarts(args[0], count(text, args[1]));
            }
            default -> throw bad(text, "there is no built-in spec " + call.group(1));
        };
    }

    /**
     * The built-in spec {@code text} names, whose paths must be paths of {@code tree}.
     *
     * @throws IllegalArgumentException naming the text and what is wrong: a bad spec, or a path the tree does not have
     */
    public static CascadeSpec parse(String text, TreeOutline tree) {
        CascadeSpec spec = parse(text);
        Matcher call = CALL.matcher(text);
        call.matches();
        String name = call.group(1);
        String[] args = call.group(2).isBlank() ? new String[0]
                : Arrays.stream(call.group(2).split(",")).map(String::strip).toArray(String[]::new);
        int paths = switch (name) {
            case "boundedRecovery", "maxRestarts" -> 1;
            default -> args.length;
        };
        for (int i = 0; i < paths; i++) {
            if (tree.node(args[i]).isEmpty()) {
                throw bad(text, Echo.quoted(args[i]) + " is not a path of the tree (paths: "
                        + Echo.cut(String.join(", ", tree.paths()), Echo.MAX) + ")");
            }
        }
        return spec;
    }

    /** Every spec of {@code texts}, in order. */
    public static List<CascadeSpec> parseAll(List<String> texts) {
        List<CascadeSpec> specs = new ArrayList<>();
        texts.forEach(text -> specs.add(parse(text)));
        return specs;
    }

    private static void need(String text, String[] args, int min, int max) {
        if (args.length < min || args.length > max) {
            throw bad(text, "expected " + (min == max ? min : "at least " + min) + " argument(s) but found " + args.length);
        }
    }

    private static Duration duration(String text, String arg) {
        Matcher matcher = DURATION.matcher(arg);
        if (!matcher.matches()) {
            throw bad(text, "expected a duration like 5000 ms or 5 s but found " + Echo.quoted(arg));
        }
        long amount = Long.parseLong(matcher.group(1));
        return matcher.group(2).equals("s") ? Duration.ofSeconds(amount) : Duration.ofMillis(amount);
    }

    private static int count(String text, String arg) {
        if (!arg.matches("\\d{1,9}")) {
            throw bad(text, "expected a count >= 0 but found " + Echo.quoted(arg));
        }
        return Integer.parseInt(arg);
    }

    private static IllegalArgumentException bad(String text, String why) {
        return new IllegalArgumentException("spec " + Echo.quoted(text) + ": " + why + " (the specs: " + KNOWN + ")");
    }
}
