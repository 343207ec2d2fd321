package dev.cascade.report;

import java.util.List;
import java.util.Objects;

/**
 * A cascade explanation as the report shows it: the event explained and the steps of its causal
 * chain, each with the ids of the trace events it folds, so that the page links a step to its events.
 *
 * <pre>{@code
 * new Explained(30, List.of(
 *         new Explained.Step("root/app/cache#1 exited error:boom (fault raise root/app/cache boom)", List.of(27L, 28L)),
 *         new Explained.Step("2 messages lost in root/app/cache#1", List.of(29L, 30L))));
 * }</pre>
 *
 * @param about the id of the event explained (the chain's last)
 * @param steps the steps, root cause first
 */
public record Explained(long about, List<Step> steps) {
    public Explained {
        if (about < 1) {
            throw new IllegalArgumentException("about must be an event id (>= 1) but was: " + about);
        }
        steps = List.copyOf(steps);
    }

    /**
     * One step of the chain.
     *
     * @param text   the step as {@code Trace.explain} writes it
     * @param events the ids of the events it stands for
     */
    public record Step(String text, List<Long> events) {
        public Step {
            Objects.requireNonNull(text, "text");
            events = List.copyOf(events);
        }
    }
}
