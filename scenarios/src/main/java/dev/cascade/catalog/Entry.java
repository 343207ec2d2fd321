package dev.cascade.catalog;

import java.util.List;
import java.util.Objects;

/**
 * One catalog entry: a well-known way supervision trees fail, told as a story (what goes wrong, what
 * production shows, the fix, where it was written down) with a bad tree that shows it and a fixed
 * tree that does not. Read from {@code scenarios/catalog/<id>/} ({@code story.md}, {@code bad.json},
 * {@code fixed.json}, or Java code where the file format cannot say it: see {@link Story}).
 *
 * <pre>{@code
 * Entry entry = Catalog.INIT_TRAP.entry();
 * System.out.println(entry.name() + ": " + entry.symptom());
 * }</pre>
 *
 * @param id         the folder's name: {@code init-trap}
 * @param name       a few words: {@code The init trap}
 * @param problem    one paragraph: what goes wrong, and why
 * @param symptom    what a team sees in production
 * @param fix        the fix, explained
 * @param references where the community wrote it down
 * @param bad        the anti-pattern, ready to run
 * @param fixed      the corrected tree, under the same faults where they still apply
 */
public record Entry(String id, String name, String problem, String symptom, String fix, List<String> references,
                    Story bad, Story fixed) {

    /** Checks that nothing is null or blank. */
    public Entry {
        for (String text : List.of(id, name, problem, symptom, fix)) {
            if (Objects.requireNonNull(text, "entry text").isBlank()) {
                throw new IllegalArgumentException("catalog entry " + id + ": a blank name, problem, symptom or fix");
            }
        }
        references = List.copyOf(references);
        Objects.requireNonNull(bad, "bad");
        Objects.requireNonNull(fixed, "fixed");
    }
}
