package dev.cascade.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The hand-made traces the report tests load (src/test/resources/fixtures). */
final class Fixtures {
    private Fixtures() {}

    /** cache-crash: a fault crashes root/app/cache#1 with two messages queued; rest_for_one restarts it with api; a late reply is dropped. */
    static String cacheCrash() {
        return read("cache-crash.trace.json");
    }

    /** The explanation of the fixture's last lost message, with the ids of its events. */
    static Explained cacheCrashExplained() {
        return new Explained(30, List.of(
                new Explained.Step("root/app/cache#1 exited error:boom (fault raise root/app/cache boom)", List.of(27L, 28L)),
                new Explained.Step("root/app#1 restarted root/app/cache with root/app/api", List.of(33L)),
                new Explained.Step("2 messages lost in root/app/cache#1", List.of(29L, 30L))));
    }

    static String read(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }
}
