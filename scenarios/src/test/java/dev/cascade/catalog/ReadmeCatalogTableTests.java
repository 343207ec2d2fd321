package dev.cascade.catalog;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's catalog table is the entries' own: id, name, how each is written, its check and whether it probes. */
class ReadmeCatalogTableTests {

    static String table() {
        return Stream.concat(Stream.of("| id | entry | written as | the check (fails on bad, passes on fixed) | probe |",
                        "|---|---|---|---|---|"),
                Stream.of(Catalog.values()).map(entry -> "| `" + entry.id() + "` | " + entry.entry().name() + " | "
                        + (entry.entry().bad().scenario().isPresent() ? "bad.json, fixed.json" : "Java") + " | `"
                        + entry.check().name() + "` | " + (entry.probesFiles() ? "yes" : "Java trees") + " |"))
                .collect(Collectors.joining("\n"));
    }

    @Test
    void the_readme_catalog_table_lists_every_entry_as_the_catalog_has_it() throws IOException {
        Path readme = Path.of("..", "README.md");
        String text = Files.readString(readme);
        String section = text.substring(text.indexOf("\n## Catalog"));
        section = section.substring(0, section.indexOf("\n## ", 1));
        assertThat(section).as("the README's ## Catalog section should hold exactly this table:%n%s", table()).contains(table());
    }
}
