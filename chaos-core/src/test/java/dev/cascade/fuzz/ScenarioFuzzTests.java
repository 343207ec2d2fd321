package dev.cascade.fuzz;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14's fuzzer: 10,000 scenario documents per build, generated valid (a small tree with every
 * knob, faults of every kind) and then mutated (type swaps, deleted, duplicated and unknown keys,
 * extreme numbers in every spelling, deep nesting, paths of up to 100,000 segments, hostile Unicode,
 * byte flips, truncation, a BOM, invalid UTF-8), through the reader and, when accepted, the
 * simulated runner within a step budget. The only allowed ends are those of {@link Oracle}. Every
 * document comes from a seed; a failure names it, and its bytes are written to
 * {@code target/fuzz-failures/} to be kept as a regression case in {@code src/test/resources/fuzz}.
 */
class ScenarioFuzzTests {
    /** Documents per build; a different base seed explores others ({@code -Dcascade.fuzz.seed=N}). */
    static final int DOCUMENTS = 10_000;
    /** One in this many documents is run unmutated: the generator's own output must always be fine. */
    private static final int UNMUTATED = 5;

    @Test
    void every_generated_and_mutated_document_is_refused_with_a_location_or_runs_to_an_outcome_that_reads_back()
            throws IOException {
        long base = Long.getLong("cascade.fuzz.seed", 0x5eed_14L);
        Map<String, Integer> ends = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            long seed = base + i;
            SplittableRandom random = new SplittableRandom(seed);
            Doc.Obj generated = Generator.scenario(random);
            Mutator mutator = new Mutator(random);
            byte[] document = i % UNMUTATED == 0 ? Doc.write(generated).getBytes(StandardCharsets.UTF_8) : mutator.mutate(generated);
            Oracle.Verdict verdict = Oracle.judge(document, seed);
            ends.merge(verdict.getClass().getSimpleName(), 1, Integer::sum);
            if (verdict instanceof Oracle.Verdict.Failed failed) {
                failures.add("seed " + seed + " (" + (i % UNMUTATED == 0 ? "unmutated" : mutator.description()) + "): " + failed.why());
                keep(seed, document);
            }
        }
        System.out.println("fuzz: " + DOCUMENTS + " documents from seed " + base + ": " + ends);
        assertThat(failures).as("documents that ended badly (kept in target/fuzz-failures)").isEmpty();
        assertThat(ends.getOrDefault("Ran", 0)).as("documents that ran").isGreaterThan(DOCUMENTS / 20);
        assertThat(ends.getOrDefault("Refused", 0)).as("documents refused").isGreaterThan(DOCUMENTS / 3);
    }

    private static void keep(long seed, byte[] document) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "fuzz-failures"));
        Files.write(dir.resolve(seed + ".json"), document);
    }
}
