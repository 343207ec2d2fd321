package dev.cascade.catalog;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the probes added for the Java entries say on their bad trees: the paths, the numbers, the fix. */
class ProbeExplanationTests {

    private static String only(Catalog entry) {
        List<Finding> found = CatalogProbeTests.probe(entry, entry.entry().bad());
        assertThat(found).hasSize(1);
        return found.getFirst().text();
    }

    @Test
    void the_deadlock_probe_names_the_cycle_of_calls_from_the_wait_for_graph() {
        assertThat(only(Catalog.CALL_DEADLOCK)).isEqualTo("call-deadlock at root/orders: root/orders waits in a call to root/stock "
                + "(request: Check[]) and root/stock waits in a call to root/orders (request: Price[]) (found at 100 ms of virtual "
                + "time, in the tree's own traffic): each waits for a reply the next cannot send until its own call returns, so only "
                + "the call timeouts end it; answer from the callee's own state, or cast instead of calling back");
    }

    @Test
    void the_one_for_all_probe_names_the_siblings_restarted_that_never_talked_to_the_crashed_one() {
        assertThat(only(Catalog.ONE_FOR_ALL_INDEPENDENT)).startsWith("one-for-all-independent at root: a crash of root/email restarts "
                + "root/billing too (root is one_for_all), though root/email and root/billing exchanged no message in 2000 ms of the "
                + "tree's own traffic");
    }

    @Test
    void the_stale_partner_probe_counts_the_messages_sent_to_the_dead_incarnation() {
        assertThat(only(Catalog.ONE_FOR_ONE_DEPENDENT)).startsWith("one-for-one-dependent at root/api: root/api keeps sending to "
                + "root/db#1 after root/db was killed and restarted: 19 message(s) to the dead incarnation, from 50 ms to 950 ms, "
                + "each dropped. It holds the pid it got at its own start, and root (one_for_one) restarted root/db alone");
    }

    @Test
    void the_unsupervised_probe_names_who_started_the_process_that_crashed_and_why() {
        assertThat(only(Catalog.UNSUPERVISED_PROCESS)).startsWith("unsupervised-process at root/jobs: a process root/jobs started (<")
                .contains(") crashed 100 ms after the tree started (error:IllegalStateException: disk full): no link, monitor or "
                        + "supervisor noticed");
    }

    @Test
    void the_per_request_probe_counts_the_processes_alive_at_once() {
        assertThat(only(Catalog.PROCESS_PER_REQUEST)).startsWith("process-per-request at root/listener: a burst of 500 messages at "
                + "root/listener made the tree start 500 processes that lived at once (more than 50)");
    }

    @Test
    void the_blocking_call_probe_names_the_slow_method_the_server_and_the_calls_queued_behind_it() {
        List<Finding> found = CatalogProbeTests.probe(Catalog.BLOCKING_CALL_IN_HANDLER, Catalog.BLOCKING_CALL_IN_HANDLER.entry().bad());
        assertThat(found).singleElement().satisfies(finding -> assertThat(finding.text()).startsWith("blocking-call-in-handler at "
                + "root/pricing: one call of PriceClient.quote made 2000 ms slow in root/pricing timed out 3 calls to root/pricing (from ")
                .endsWith("), 2 of them queued behind it, waiting for a request that was not theirs: root/pricing makes the slow call "
                        + "inside its handler; hand it to a helper process and answer with GenServer.reply"));
    }
}
