package dev.cascade.chaos;

import dev.cascade.chaos.Worker.Hop;
import dev.cascade.chaos.Worker.Journal;
import dev.cascade.conformance.TestScheduler;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.SupervisorSpec;
import dev.cascade.trace.Accounting;
import dev.cascade.trace.TraceEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Floods: a burst of generated messages into a live process, at once or at a rate. */
@ExtendWith(TestScheduler.Verify.class)
class FloodTests {
    private static final Duration INTERVAL = Duration.ofMillis(40);

    private final Journal journal = new Journal();

    private ChaosTree start() {
        return Trees.start(SupervisorSpec.oneForOne().withChild(ChildSpec.worker("w", () -> new Worker(journal))));
    }

    private static List<Hop> hops(int count) {
        return IntStream.range(0, count).mapToObj(Hop::new).toList();
    }

    @Test
    void a_flood_at_once_puts_every_generated_message_in_the_mailbox_in_order() {
        try (ChaosTree tree = start()) {
            tree.inject(Fault.flood("root/w", 50, Hop::new));
            Trees.await(tree, "50 messages handled", () -> journal.size() == 50);

            assertThat(journal.entries()).containsExactlyElementsOf(hops(50));
            Accounting accounting = tree.trace().accountingByPath().get("root/w");
            assertThat(accounting.sent()).isEqualTo(50);
            assertThat(accounting.handled()).isEqualTo(50);
            assertThat(tree.ledger().entry(1).hits()).singleElement().satisfies(hit -> {
                assertThat(hit.incarnation()).isEqualTo(1);
                assertThat(hit.detail()).isEqualTo("50 messages at once");
            });
        }
    }

    @Test
    void a_flood_at_a_rate_sends_one_message_per_interval() {
        try (ChaosTree tree = start()) {
            tree.inject(Fault.flood("root/w", 4, Hop::new).atRate(INTERVAL));
            Trees.await(tree, "4 messages handled", () -> journal.size() == 4);

            assertThat(journal.entries()).containsExactlyElementsOf(hops(4));
            List<Long> sentAt = tree.trace().events(TraceEvent.Sent.class).stream()
                    .filter(sent -> sent.to().isAt("root/w") && sent.message().value().orElse(null) instanceof Hop)
                    .map(TraceEvent.Sent::atNanos).toList();
            assertThat(sentAt).hasSize(4);
            for (int i = 1; i < sentAt.size(); i++) {
                assertThat(sentAt.get(i) - sentAt.get(i - 1)).isGreaterThanOrEqualTo(INTERVAL.toNanos());
            }
            assertThat(tree.ledger().entry(1).hits()).singleElement()
                    .satisfies(hit -> assertThat(hit.detail()).isEqualTo("4 messages, one every 40 ms"));
        }
    }

    @Test
    void a_flood_at_a_rate_has_not_sent_its_later_messages_before_their_time() {
        try (ChaosTree tree = start()) {
            tree.inject(Fault.flood("root/w", 3, Hop::new).atRate(Duration.ofSeconds(30)));
            Trees.await(tree, "the first message handled", () -> journal.size() == 1);
            tree.runFor(Duration.ofMillis(100));

            assertThat(journal.entries()).containsExactly(new Hop(0));
        }
    }

    @Test
    void the_messages_of_a_flood_are_traced_as_caused_by_it() {
        try (ChaosTree tree = start()) {
            tree.inject(Fault.flood("root/w", 3, Hop::new));
            Trees.await(tree, "3 messages handled", () -> journal.size() == 3);

            List<TraceEvent.Sent> sent = tree.trace().events(TraceEvent.Sent.class).stream()
                    .filter(event -> event.message().value().orElse(null) instanceof Hop).toList();
            assertThat(sent).hasSize(3).allSatisfy(event -> assertThat(tree.trace().cause(event))
                    .get().isInstanceOf(TraceEvent.FaultFired.class));
        }
    }
}
