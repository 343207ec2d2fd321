package dev.cascade.report;

import dev.cascade.chaos.ChaosTree;
import dev.cascade.chaos.Fault;
import dev.cascade.chaos.FaultPlan;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.SupervisorSpec;
import dev.cascade.trace.Trace;
import dev.cascade.trace.TraceEvent;
import dev.cascade.trace.TraceRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The page of a real chaos run (the README's silent cascade), written by TraceFile and loaded in Chromium. */
class RealRunPageTests {

    @Test
    void draws_one_arrow_per_delivered_message_and_an_x_per_lost_or_dropped_one(@TempDir Path dir) {
        Browser browser = Browser.required();
        SupervisorSpec app = SupervisorSpec.oneForOne().withIntensity(3, Duration.ofSeconds(5))
                .withChild(ChildSpec.worker("cache", ExplainedTests.Counter::new))
                .withChild(ChildSpec.worker("api", ExplainedTests.Counter::new));
        SupervisorSpec root = SupervisorSpec.oneForOne().withChild(ChildSpec.supervisor("app", app));
        TraceRecord record;
        try (ChaosTree tree = ChaosTree.start(root)) {
            tree.apply(FaultPlan.builder()
                    .at(Duration.ZERO, Fault.slowHandling("root/app/api", Duration.ofSeconds(1)))
                    .at(Duration.ZERO, Fault.flood("root/app/api", 12, i -> "request " + i))
                    .at(Duration.ofMillis(500), Fault.breachIntensity("root/app/cache"))
                    .build());
            tree.runFor(Duration.ofSeconds(2));
            record = TraceRecord.of("silent-cascade", tree, root);
        }
        Path html = Report.of(record).writeTo(dir).html();
        String dom = browser.dom(html);

        assertThat(Browser.htmlAttribute(dom, "data-errors")).isEmpty();
        Trace trace = record.trace();
        String written = Report.of(record).html();
        long delivered = Browser.count(written, "\"type\":\"delivered\"");
        long lostOrDropped = Browser.count(written, "\"type\":\"message_lost\"") + Browser.count(written, "\"type\":\"message_dropped\"");
        assertThat(delivered).isPositive();
        assertThat(lostOrDropped).isEqualTo(trace.events(TraceEvent.MessageLost.class).size() + trace.events(TraceEvent.MessageDropped.class).size())
                .isPositive();
        String plot = ReportPageTests.plot(dom);
        assertThat(Browser.count(plot, "<line class=\"arrow")).isEqualTo((int) delivered);
        assertThat(Browser.count(plot, "<g class=\"lost-mark")).isEqualTo((int) lostOrDropped);
        assertThat(dom).contains("root/app#1 gave up (4 restarts &gt; intensity 3 in 5 s)")
                .contains("data-lane=\"root/app/cache\"").contains("fate-gave-up");
    }
}
