package dev.cascade.catalog;

import java.util.Objects;

/**
 * What a probe found in a user's tree: the entry's problem, where, and an explanation in the tree's
 * own paths and times.
 *
 * <pre>{@code
 * Catalog.INIT_TRAP.probe(mine).forEach(finding -> System.out.println(finding.text()));
 * // init-trap at root/gateway: root/gateway's init takes 3000 ms: its supervisor root starts nothing else meanwhile ...
 * }</pre>
 *
 * @param entry       the entry whose problem it is
 * @param path        the path the finding is about
 * @param explanation why, in a sentence or two
 */
public record Finding(Catalog entry, String path, String explanation) {

    /** Checks that nothing is null. */
    public Finding {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(explanation, "explanation");
    }

    /** One line: {@code init-trap at root/gateway: …}. */
    public String text() {
        return entry.id() + " at " + path + ": " + explanation;
    }
}
