package dev.cascade.scenario;

import dev.cascade.scenario.internal.Checks;
import java.time.Duration;

/**
 * A child a {@link DynamicSupervisorNode} starts during the run ({@code starts} in files): at
 * {@code at} after fault time zero, a child from template {@code template}, whose tree path ends in
 * {@code key} ({@code root/sessions/alice}), as {@code DynamicSupervisor.start_child} does when asked.
 *
 * <pre>{@code
 * new DynamicStart(Duration.ofMillis(100), "session", "alice");   // root/sessions/alice at 100 ms
 * }</pre>
 *
 * @param at       when, after the tree finished starting; whole milliseconds >= 0
 * @param template the id of one of the supervisor's templates
 * @param key      the child's key, {@code [a-z0-9_]+}: the last segment of its path
 */
public record DynamicStart(Duration at, String template, String key) {

    /** Validates every component; see the parameters for the rules. */
    public DynamicStart {
        Checks.millis("start time of key " + key, at, 0);
        Checks.matching("template", template, Checks.ID);
        Checks.matching("key", key, Checks.ID);
    }
}
