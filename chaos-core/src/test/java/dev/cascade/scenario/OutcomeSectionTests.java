package dev.cascade.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cascade.scenario.FaultOutcome.Hit;
import dev.cascade.scenario.FaultOutcome.Status;
import dev.cascade.trace.Accounting;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The {@code ledger} and {@code messages} sections of outcome files: written, read back, refused when wrong, not compared. */
class OutcomeSectionTests {

    static Outcome withSections() {
        Map<String, Accounting> messages = new LinkedHashMap<>();
        messages.put("root", new Accounting(4, 4, 0, 0, 0));
        messages.put("root/db", new Accounting(75, 29, 0, 30, 15));
        Outcome base = OutcomeWriterTests.example();
        return new Outcome(base.scenario(), base.events(), base.finalIncarnations(), List.of(
                new FaultOutcome(0, "slow_handling", "root/db", Status.FIRED, List.of(
                        new Hit(150, "root/db", 2, "handling request 5 of root/feed took +40 ms"), new Hit(180, "root/db", 0, "")), ""),
                new FaultOutcome(1, "kill", "root/db", Status.SKIPPED, List.of(), "no live process at root/db")), messages);
    }

    static final String SECTIONS = """
              "ledger": [
                {
                  "index": 0,
                  "kind": "slow_handling",
                  "target": "root/db",
                  "status": "fired",
                  "hits": [
                    { "t_ms": 150, "path": "root/db", "incarnation": 2, "detail": "handling request 5 of root/feed took +40 ms" },
                    { "t_ms": 180, "path": "root/db", "incarnation": 0 }
                  ]
                },
                { "index": 1, "kind": "kill", "target": "root/db", "status": "skipped", "why": "no live process at root/db" }
              ],
              "messages": {
                "root": { "sent": 4, "handled": 4, "dropped": 0, "lost": 0, "queued": 0 },
                "root/db": { "sent": 75, "handled": 29, "dropped": 0, "lost": 30, "queued": 15 }
              }
            }
            """;

    static String withSection(String section) {
        return Examples.OUTCOME.replace("\n}\n", ",\n" + section + "\n}\n");
    }

    static void assertRejected(String json, String location, String problem) {
        ScenarioFormatException error = catchThrowableOfType(ScenarioFormatException.class, () -> OutcomeReader.read(json));
        assertThat(error).as("reading %s", json).isNotNull();
        assertThat(error.location()).isEqualTo(location);
        assertThat(error.problem()).isEqualTo(problem);
    }

    @Nested
    class Written_after_final {

        @Test
        void with_one_skipped_fault_or_hit_per_line_and_one_path_per_line() {
            assertThat(OutcomeWriter.write(withSections())).endsWith(SECTIONS);
        }

        @Test
        void and_read_back_equal() {
            assertThat(OutcomeReader.read(OutcomeWriter.write(withSections()))).isEqualTo(withSections());
        }

        @Test
        void only_when_the_outcome_has_them() {
            assertThat(OutcomeWriter.write(OutcomeWriterTests.example())).isEqualTo(Examples.OUTCOME);
        }
    }

    @Test
    void comparisons_cover_events_and_final_only() {
        Outcome plain = OutcomeWriterTests.example();

        assertThat(withSections().equalsIgnoringTimes(plain)).isTrue();
        assertThat(withSections().withoutTimes()).isEqualTo(plain);
        assertThat(withSections()).isNotEqualTo(plain);
    }

    @Nested
    class Refused_when_wrong {

        @Test
        void a_fired_fault_with_a_why_or_without_hits() {
            assertRejected(withSection("\"ledger\": [ { \"index\": 0, \"kind\": \"kill\", \"target\": \"root\", \"status\":"
                    + " \"fired\", \"why\": \"x\" } ]"), "ledger[0].why",
                    "not allowed for a fired fault (a fired fault has hits, a skipped one has why)");
            assertRejected(withSection("\"ledger\": [ { \"index\": 0, \"kind\": \"kill\", \"target\": \"root\", \"status\":"
                    + " \"fired\", \"hits\": [] } ]"), "ledger[0].hits", "expected at least one hit for a fired fault but was []");
        }

        @Test
        void a_skipped_fault_with_hits_or_an_empty_why() {
            assertRejected(withSection("\"ledger\": [ { \"index\": 0, \"kind\": \"kill\", \"target\": \"root\", \"status\":"
                    + " \"skipped\", \"hits\": [] } ]"), "ledger[0].hits",
                    "not allowed for a skipped fault (a fired fault has hits, a skipped one has why)");
            assertRejected(withSection("\"ledger\": [ { \"index\": 0, \"kind\": \"kill\", \"target\": \"root\", \"status\":"
                    + " \"skipped\", \"why\": \"\" } ]"), "ledger[0].why", "expected the reason the fault was skipped but was \"\"");
        }

        @Test
        void an_unknown_status_or_kind_and_a_negative_incarnation() {
            assertRejected(withSection("\"ledger\": [ { \"index\": 0, \"kind\": \"kill\", \"target\": \"root\", \"status\":"
                    + " \"pending\", \"why\": \"x\" } ]"), "ledger[0].status", "expected one of fired, skipped but was \"pending\"");
            assertRejected(withSection("\"ledger\": [ { \"index\": 0, \"kind\": \"nuke\", \"target\": \"root\", \"status\":"
                    + " \"skipped\", \"why\": \"x\" } ]"), "ledger[0].kind", "expected one of raise, stop, exit_signal, kill,"
                    + " slow_handling, slow_start, failing_start, flood, drop, delay, duplicate, reorder, breach_intensity,"
                    + " call_timeout but was \"nuke\"");
            assertRejected(withSection("\"ledger\": [ { \"index\": 0, \"kind\": \"kill\", \"target\": \"root\", \"status\":"
                    + " \"fired\", \"hits\": [ { \"t_ms\": 1, \"path\": \"root\", \"incarnation\": -1 } ] } ]"),
                    "ledger[0].hits[0].incarnation", "expected an integer from 0 to 2147483647 but was -1");
        }

        @Test
        void message_counts_that_are_missing_negative_or_unknown() {
            assertRejected(withSection("\"messages\": { \"root\": { \"sent\": 1, \"handled\": 1, \"dropped\": 0, \"lost\": 0 } }"),
                    "messages.root.queued", "required field missing");
            assertRejected(withSection("\"messages\": { \"root\": { \"sent\": -1, \"handled\": 0, \"dropped\": 0, \"lost\": 0,"
                    + " \"queued\": 0 } }"), "messages.root.sent", "expected an integer >= 0 but was -1");
            assertRejected(withSection("\"messages\": { \"root\": { \"sent\": 0, \"handled\": 0, \"dropped\": 0, \"lost\": 0,"
                    + " \"queued\": 0, \"late\": 0 } }"), "messages.root", "unknown field \"late\"");
        }
    }
}
