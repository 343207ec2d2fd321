package dev.cascade.junit;

import dev.cascade.chaos.Fault;
import dev.cascade.chaos.LedgerEntry;
import dev.cascade.internal.json.JsonValue;
import dev.cascade.internal.json.JsonValue.JsonArray;
import dev.cascade.internal.json.JsonValue.JsonBoolean;
import dev.cascade.internal.json.JsonValue.JsonNumber;
import dev.cascade.internal.json.JsonValue.JsonObject;
import dev.cascade.internal.json.JsonWriter;
import dev.cascade.simulation.SimulatedScheduler;
import dev.cascade.simulation.SimulationReport;
import dev.cascade.trace.Accounting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The result record of one test, {@code cascade-result/1}, as {@code docs/result-record.md} specifies it. */
final class ResultRecord {
    private ResultRecord() {}

    static String of(TestRun run, Checks checks, Optional<Throwable> thrown, boolean failed, List<String> files) {
        Map<String, JsonValue> record = new LinkedHashMap<>();
        record.put("format", str("cascade-result/1"));
        record.put("test", str(run.id.file()));
        record.put("class", str(run.context.getRequiredTestClass().getName()));
        record.put("method", str(run.context.getRequiredTestMethod().getName()));
        record.put("display_name", str(run.context.getDisplayName()));
        record.put("unique_id", str(run.context.getUniqueId()));
        record.put("seed", JsonNumber.of(run.seed.value()));
        record.put("seed_source", str(run.seed.source().name().toLowerCase(Locale.ROOT)));
        record.put("mode", str(run.mode.name().toLowerCase(Locale.ROOT)));
        record.put("outcome", str(failed ? "failed" : "passed"));
        String failure = thrown.map(t -> t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage().lines().findFirst().orElse("")))
                .orElse(checks.failures().isEmpty() ? null : checks.failures().getFirst().lines().findFirst().orElse(""));
        record.put("failure", failure == null ? JsonValue.NULL : str(failure));
        record.put("replay", str(run.id.replay(run.seed.value())));
        record.put("checks", JsonArray.of(checks.results().stream().map(result -> obj(
                "check", str(result.check()), "result", str(result.result()), "detail", str(result.detail()))).toList()));
        record.put("simulations", JsonArray.of(run.simulations().stream().map(ResultRecord::simulation).toList()));
        record.put("trees", JsonArray.of(run.seen().stream().map(ResultRecord::tree).toList()));
        record.put("verdicts", JsonArray.of(run.verdicts().stream().map(verdict -> obj("spec", str(verdict.spec()),
                "verdict", str(dev.cascade.report.SpecVerdict.of(verdict).verdict()), "text", str(verdict.text()))).toList()));
        record.put("files", JsonArray.of(files.stream().map(ResultRecord::str).toList()));
        return JsonWriter.write(JsonObject.of(record));
    }

    private static JsonValue simulation(SimulatedScheduler simulation) {
        SimulationReport report = simulation.report();
        return obj("backend", str(report.backend().name().toLowerCase(Locale.ROOT)), "steps", JsonNumber.of(report.steps()),
                "virtual_time_ms", JsonNumber.of(report.virtualTime().toMillis()), "reproducible", new JsonBoolean(report.reproducible()),
                "deadlocks", JsonNumber.of(report.deadlocks().size()));
    }

    private static JsonValue tree(TreeSeen seen) {
        TestRun.Started started = seen.started();
        Map<String, JsonValue> tree = new LinkedHashMap<>();
        tree.put("name", str(started.name()));
        tree.put("root", str(started.tree().root()));
        if (seen instanceof TreeSeen.Traced traced) {
            tree.put("restarts", counts(traced.restarts()));
            tree.put("give_ups", counts(traced.giveUps()));
            Accounting all = traced.byPath().values().stream().reduce(Accounting.ZERO, Accounting::plus); // the tree's processes
            tree.put("messages", obj("sent", JsonNumber.of(all.sent()), "handled", JsonNumber.of(all.handled()),
                    "dropped", JsonNumber.of(all.dropped()), "lost", JsonNumber.of(all.lost()), "queued", JsonNumber.of(all.queued())));
            Map<String, Long> lost = new TreeMap<>();
            Map<String, Long> dropped = new TreeMap<>();
            traced.byPath().forEach((path, accounting) -> {
                if (accounting.lost() > 0) {
                    lost.put(path, accounting.lost());
                }
                if (accounting.dropped() > 0) {
                    dropped.put(path, accounting.dropped());
                }
            });
            tree.put("lost_by_path", counts(lost));
            tree.put("dropped_by_path", counts(dropped));
            tree.put("time_to_recovery_ms", traced.recovery().isPresent() ? JsonNumber.of(traced.recovery().getAsLong() / 1_000_000) : JsonValue.NULL);
            tree.put("duration_ms", JsonNumber.of((traced.end() - traced.zero()) / 1_000_000));
        }
        tree.put("ledger", JsonArray.of(started.tree().ledger().entries().stream().map(ResultRecord::entry).toList()));
        return JsonObject.of(tree);
    }

    private static JsonValue entry(LedgerEntry entry) {
        return obj("number", JsonNumber.of(entry.number()), "at_ms", JsonNumber.of(entry.at().toMillis()),
                "fault", str(entry.fault().describe()), "status", str(entry.status().name().toLowerCase(Locale.ROOT)),
                "optional", new JsonBoolean(entry.fault() instanceof Fault.OptionalFault),
                "hits", JsonArray.of(entry.hits().stream().map(hit -> obj("at_ms", JsonNumber.of(hit.at().toMillis()),
                        "path", str(hit.path()), "incarnation", JsonNumber.of(hit.incarnation()), "detail", str(hit.detail()))).toList()),
                "why", str(entry.why()));
    }

    private static JsonValue counts(Map<String, Long> counts) {
        Map<String, JsonValue> members = new LinkedHashMap<>();
        counts.forEach((key, n) -> members.put(key, JsonNumber.of(n)));
        return JsonObject.of(members);
    }

    private static JsonValue str(String value) {
        return JsonValue.of(value);
    }

    private static JsonValue obj(Object... pairs) {
        Map<String, JsonValue> members = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            members.put((String) pairs[i], (JsonValue) pairs[i + 1]);
        }
        return JsonObject.of(members);
    }
}
