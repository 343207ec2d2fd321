package dev.cascade.scenario.internal;

import dev.cascade.scenario.Traffic;

import dev.cascade.runtime.MailboxLimit;
import dev.cascade.internal.json.JsonPath;
import dev.cascade.internal.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads a worker's {@code handling_ms}, {@code continue_ms}, {@code mailbox} and {@code sends}, and writes them back. */
public final class WorkerKnobs {

    /** The file spelling of {@link MailboxLimit.Overflow}. */
    public enum Overflow {
        REJECT(MailboxLimit.Overflow.REJECT_TO_SENDER),
        DROP_NEWEST(MailboxLimit.Overflow.DROP_NEWEST),
        DROP_OLDEST(MailboxLimit.Overflow.DROP_OLDEST),
        CRASH(MailboxLimit.Overflow.CRASH_RECEIVER);

        public final MailboxLimit.Overflow policy;

        Overflow(MailboxLimit.Overflow policy) {
            this.policy = policy;
        }

        public static Overflow of(MailboxLimit.Overflow policy) {
            for (Overflow word : values()) {
                if (word.policy == policy) {
                    return word;
                }
            }
            throw new IllegalArgumentException("no file spelling for " + policy);
        }
    }

    /** The largest bounded capacity: {@code Integer.MAX_VALUE} itself means unbounded. */
    public static final long MAX_CAPACITY = Integer.MAX_VALUE - 1L;

    private static final Set<String> MAILBOX_FIELDS = Set.of("capacity", "overflow");
    private static final Set<String> SEND_FIELDS = Set.of("to", "every_ms", "kind", "timeout_ms");

    private WorkerKnobs() {}

    public static Duration handling(Fields worker) {
        return Duration.ofMillis(worker.integer("handling_ms", 0, dev.cascade.internal.Limits.LONGEST_MS, 0));
    }

    /** {@code continue_ms}: how long the worker's {@code handle_continue} takes after each start returned. */
    public static Duration continueDelay(Fields worker) {
        return Duration.ofMillis(worker.integer("continue_ms", 0, dev.cascade.internal.Limits.LONGEST_MS, 0));
    }

    public static MailboxLimit mailbox(Fields worker) {
        if (!worker.has("mailbox")) {
            return MailboxLimit.UNBOUNDED;
        }
        Fields mailbox = Fields.of(worker.required("mailbox"), worker.at("mailbox"));
        mailbox.allowOnly(MAILBOX_FIELDS, Map.of());
        int capacity = (int) mailbox.integer("capacity", 1, MAX_CAPACITY);
        Overflow overflow = Fields.choice(mailbox.required("overflow"), mailbox.at("overflow"), Overflow.class);
        return MailboxLimit.of(capacity, overflow.policy);
    }

    /** The sends, each checked on its own; whether {@code to} is another worker is checked once the tree is known. */
    public static List<Traffic> sends(Fields worker) {
        if (!worker.has("sends")) {
            return List.of();
        }
        List<JsonValue> elements = worker.array("sends").elements();
        List<Traffic> sends = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            sends.add(send(Fields.of(elements.get(i), worker.at("sends").index(i))));
        }
        return sends;
    }

    private static Traffic send(Fields fields) {
        fields.allowOnly(SEND_FIELDS, Map.of());
        String to = fields.string("to");
        if (!Checks.PATH.matcher(to).matches()) {
            throw Fields.fail(fields.at("to"), "expected a path such as root/db but was " + JsonValue.of(to).describe());
        }
        Duration every = Duration.ofMillis(fields.integer("every_ms", 1, dev.cascade.internal.Limits.LONGEST_MS));
        Traffic.Kind kind = Fields.choice(fields.required("kind"), fields.at("kind"), Traffic.Kind.class);
        if (kind == Traffic.Kind.CAST && fields.has("timeout_ms")) {
            throw Fields.fail(fields.at("timeout_ms"), "not allowed for a cast (only a call waits for a reply)");
        }
        Duration timeout = kind == Traffic.Kind.CAST ? Duration.ZERO
                : Duration.ofMillis(fields.integer("timeout_ms", 1, dev.cascade.internal.Limits.LONGEST_MS, Traffic.DEFAULT_CALL_TIMEOUT.toMillis()));
        JsonPath at = fields.at();
        return NodeParser.build(at, () -> new Traffic(to, every, kind, timeout));
    }
}
