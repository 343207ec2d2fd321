package dev.cascade.catalog;

import dev.cascade.agent.MethodMatch;
import dev.cascade.chaos.Fault;
import dev.cascade.trace.TraceEvent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.cascade.catalog.Probes.timed;

/**
 * The blocking-call probe, on a Java tree whose user code names the methods that may block (a
 * client of a backend): each such method made slow for one call, past the longest timeout of the
 * calls the tree makes; do calls that were not waiting for that method's result time out too?
 */
final class BlockingProbe {
    private BlockingProbe() {}

    static List<Finding> blockingCall(ProbeTree tree) {
        if (tree.userCode().isEmpty()) {
            throw new UnsupportedOperationException("catalog entry blocking-call-in-handler needs the methods of your code that "
                    + "may block, to slow one call of each: Catalog.BLOCKING_CALL_IN_HANDLER.probe(spec, "
                    + "MethodMatch.method(PriceClient.class, \"quote\"))");
        }
        Observed observed = Observed.of(tree);
        Duration longest = observed.timeout().values().stream().max(Duration::compareTo).orElse(Duration.ofSeconds(5));
        Duration slow = longest.plus(Duration.ofSeconds(1));
        List<Finding> found = new ArrayList<>();
        for (MethodMatch method : tree.userCode()) {
            CatalogRun run = tree.run("probe-blocking-call-in-handler", List.of(timed(0, Fault.delayIn(method, slow).onCall(1))),
                    slow.plus(Duration.ofSeconds(2)));
            Optional<String> blocked = run.spec().trace().events(TraceEvent.FaultFired.class).stream()
                    .flatMap(fired -> fired.target().path().stream()).findFirst();
            if (blocked.isEmpty()) {
                continue;
            }
            Map<Long, String> callees = new HashMap<>();
            for (TraceEvent.CallStarted call : run.spec().trace().events(TraceEvent.CallStarted.class)) {
                call.callee().path().ifPresent(callee -> callees.put(call.id(), callee));
            }
            Map<String, Set<String>> timedOut = new LinkedHashMap<>();
            for (TraceEvent.CallTimedOut out : run.spec().trace().events(TraceEvent.CallTimedOut.class)) {
                if (callees.containsKey(out.call())) {
                    timedOut.computeIfAbsent(callees.get(out.call()), c -> new LinkedHashSet<>())
                            .add(out.caller().path().orElse(out.caller().toString()));
                }
            }
            timedOut.forEach((callee, callers) -> {
                if (callers.size() > 1) {
                    found.add(new Finding(Catalog.BLOCKING_CALL_IN_HANDLER, callee, "one call of " + method.describe() + " made "
                            + slow.toMillis() + " ms slow in " + blocked.get() + " timed out " + callers.size() + " calls to " + callee
                            + " (from " + String.join(", ", callers) + "), " + (callers.size() - 1) + " of them queued behind it, "
                            + "waiting for a request that was not theirs: " + callee + " makes the slow call inside its handler; "
                            + "hand it to a helper process and answer with GenServer.reply"));
                }
            });
        }
        return found;
    }
}
