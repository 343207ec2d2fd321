package dev.cascade.cli;

import dev.cascade.scenario.OutcomeReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line fuzzed as users run it, through a real process ({@code java -cp … CascadeCli}):
 * mutated example scenarios (numbers replaced by boundary values, bytes flipped, text cut short, a
 * BOM, a long name) must end with exit 0 and an outcome that reads back, 2 and one line on stderr
 * without a stack trace, or 3 at the step budget — never 1, another status, or a trace.
 */
class CascadeCliProcessFuzzTests {
    private static final int DOCUMENTS = 16;
    private static final String[] NUMBERS = {"0", "-1", "1e15", "1000000000000000", "9223372036854775807", "2147483647",
            "9.2e12", "3153600000000", "3153600000001", "0.5", "99999999999999999999"};
    private static final Pattern NUMBER = Pattern.compile("(?<=: )-?\\d+");

    @TempDir
    Path dir;

    @Test
    void mutated_scenarios_end_in_a_run_a_located_refusal_or_a_budget_never_a_crash() throws Exception {
        List<Path> examples;
        try (var files = Files.list(Path.of("examples"))) {
            examples = files.filter(f -> f.toString().endsWith(".json") && !f.toString().endsWith(".outcome.json")).sorted().toList();
        }
        List<String> failures = new ArrayList<>();
        java.util.Set<Integer> statuses = new java.util.TreeSet<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            SplittableRandom random = new SplittableRandom(0xC11L + i);
            String text = Files.readString(examples.get(random.nextInt(examples.size())));
            byte[] mutated = mutate(text, random);
            Path file = Files.write(dir.resolve("doc" + i + ".json"), mutated);
            Path out = dir.resolve("out" + i);
            // as `java -jar cascade.jar` runs it: the jar's manifest opens java.lang (Add-Opens) for the executor backend
            Process process = new ProcessBuilder(javaBinary(), "--add-opens=java.base/java.lang=ALL-UNNAMED",
                    "-cp", System.getProperty("java.class.path"),
                    CascadeCli.class.getName(), "run", file.toString(), "--out", out.toString(), "--max-steps", "50000")
                    .redirectOutput(dir.resolve("stdout" + i).toFile()).redirectError(dir.resolve("stderr" + i).toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                failures.add("document " + i + ": still running after 120 s");
                continue;
            }
            statuses.add(process.exitValue());
            String verdict = judge(process.exitValue(), Files.readString(dir.resolve("stderr" + i)), out);
            if (verdict != null) {
                failures.add("document " + i + " (kept as " + file + "): " + verdict);
            }
        }
        assertThat(failures).isEmpty();
        assertThat(statuses).as("exit statuses seen").contains(0, 2);
    }

    private static String judge(int status, String stderr, Path out) throws IOException {
        if (stderr.contains("Exception") || stderr.contains("\tat ")) {
            return "a stack trace on stderr: " + stderr.substring(0, Math.min(300, stderr.length()));
        }
        return switch (status) {
            case 0 -> {
                try (var outcomes = Files.list(out)) {
                    for (Path outcome : outcomes.toList()) {
                        OutcomeReader.read(Files.readString(outcome)); // throws if it does not read back
                    }
                }
                yield null;
            }
            case 2 -> stderr.lines().count() == 1 && stderr.length() < 700 ? null : "exit 2 with stderr: " + stderr;
            case 3 -> stderr.contains("step budget") ? null : "exit 3 without naming the budget: " + stderr;
            default -> "exit " + status + ": " + stderr;
        };
    }

    private static byte[] mutate(String text, SplittableRandom random) {
        String mutated = text;
        switch (random.nextInt(5)) {
            case 0 -> {
                Matcher numbers = NUMBER.matcher(text);
                List<int[]> spans = new ArrayList<>();
                while (numbers.find()) {
                    spans.add(new int[] {numbers.start(), numbers.end()});
                }
                if (!spans.isEmpty()) {
                    int[] span = spans.get(random.nextInt(spans.size()));
                    mutated = text.substring(0, span[0]) + NUMBERS[random.nextInt(NUMBERS.length)] + text.substring(span[1]);
                }
            }
            case 1 -> mutated = text.substring(0, random.nextInt(text.length()));
            case 2 -> mutated = "\uFEFF" + text;
            case 3 -> mutated = text.replaceFirst("\"name\": \"[^\"]*\"", "\"name\": \"" + "n".repeat(250) + "\"");
            default -> {
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                for (int flips = 0; flips < 3; flips++) {
                    bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                }
                return bytes;
            }
        }
        return mutated.getBytes(StandardCharsets.UTF_8);
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
