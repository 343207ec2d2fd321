package dev.cascade.fuzz;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documents the fuzzer found ending badly while it was built (issue 14), kept in
 * {@code src/test/resources/fuzz}: each must now end as {@link Oracle} allows. What each one did then
 * is in the report of issue 14 and in the file names: a settle time or fault time near 2^63 ns
 * (long overflow in the run), an init delay of 9.2e12 ms, a period of 9.2e9 s, {@code 1e15}, paths
 * of thousands of segments, values echoed in full or with a BOM or a bidi override, an intensity
 * breach at an intensity near {@code Integer.MAX_VALUE}.
 */
class FuzzRegressionTests {
    @TestFactory
    Stream<DynamicTest> every_kept_document_is_refused_with_a_location_or_runs() throws IOException, URISyntaxException {
        Path dir = Path.of(FuzzRegressionTests.class.getResource("/fuzz").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                Oracle.Verdict verdict = Oracle.judge(Files.readAllBytes(file), 0);
                assertThat(verdict).as(file.getFileName().toString()).isNotInstanceOf(Oracle.Verdict.Failed.class);
            }));
        }
    }
}
