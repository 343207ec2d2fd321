package dev.cascade.report;

import dev.cascade.chaos.ChaosTree;
import dev.cascade.genserver.GenServer;
import dev.cascade.runtime.CallFailedException;
import dev.cascade.runtime.ServerRef;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.SupervisorSpec;
import dev.cascade.trace.TraceRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page of a run in which a process called and cast to a name no process ever held (G21, G23):
 * the trace names the name, and the page describes the call and the drop by it, without errors.
 */
class UnknownNamePageTests {

    @Test
    void a_call_and_a_cast_to_a_name_never_registered_are_shown_by_that_name(@TempDir Path dir) {
        Browser browser = Browser.required();
        SupervisorSpec root = SupervisorSpec.oneForOne().withChild(ChildSpec.worker("cache", ExplainedTests.Counter::new));
        TraceRecord record;
        try (ChaosTree tree = ChaosTree.start(root)) {
            tree.node().run(ctx -> {
                GenServer.cast(ctx, ServerRef.named("ledgr"), "deposit");
                try {
                    GenServer.call(ctx, ServerRef.named("ledgr"), "balance");
                } catch (CallFailedException noproc) {
                    // expected: noproc, traced
                }
                return null;
            });
            record = TraceRecord.of("unknown-name", tree, root);
        }
        Path html = Report.of(record).writeTo(dir).html();

        String dom = browser.dom(html);

        assertThat(Browser.htmlAttribute(dom, "data-errors")).isEmpty();
        assertThat(Report.of(record).html()).contains("\"callee\":{\"name\":\"ledgr\"}").contains("\"to\":{\"name\":\"ledgr\"}");
        assertThat(dom).contains("ledgr (never registered)");
    }
}
