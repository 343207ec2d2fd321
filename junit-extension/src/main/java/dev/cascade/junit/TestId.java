package dev.cascade.junit;

import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a test is named on disk and in a replay command.
 *
 * @param file    {@code dev.acme.PaymentsTest.crashLoop} (an invocation of a parameterized or repeated test
 *                gets {@code _<n>}): the folder under {@code target/cascade/} and the result record's name
 * @param select  {@code PaymentsTest#crashLoop}: what Surefire's {@code -Dtest} takes
 */
record TestId(String file, String select, String display) {
    private static final Pattern INVOCATION = Pattern.compile("\\[test-template-invocation:#(\\d+)]");
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._$-]");

    static TestId of(ExtensionContext context) {
        Class<?> type = context.getRequiredTestClass();
        String method = context.getRequiredTestMethod().getName();
        Matcher invocation = INVOCATION.matcher(context.getUniqueId());
        String suffix = invocation.find() ? "_" + invocation.group(1) : "";
        String simple = type.getName().substring(type.getPackageName().isEmpty() ? 0 : type.getPackageName().length() + 1);
        String file = UNSAFE.matcher(type.getName() + "." + method + suffix).replaceAll("_");
        return new TestId(file, simple + "#" + method, simple + "#" + method + (suffix.isEmpty() ? "" : " [" + suffix.substring(1) + "]"));
    }

    /** The one-line command that runs this test again with {@code seed}. */
    String replay(long seed) {
        return "mvn test -Dtest='" + select + "' -Dcascade.seed=" + seed;
    }
}
