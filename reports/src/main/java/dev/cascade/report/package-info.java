/**
 * Reports of runs: one self-contained HTML page per run (a view of its {@code cascade-trace/1}
 * trace: header, explanation, tree, swimlanes, fault ledger, accounting, specification verdicts),
 * Chrome Trace Event JSON for Perfetto, and a suite index over many runs.
 *
 * <pre>{@code
 * Report.Written files = Report.of(traceJson)
 *         .withVerdict("test", "FAIL")
 *         .withReplay("mvn test -Dtest=PaymentsTest -Dcascade.seed=7")
 *         .writeTo(Path.of("target/cascade/payments"));
 * }</pre>
 *
 * <p>The page needs no server and no network: its data is inline, its drawing is hand-written SVG
 * and a small inline script, and a Content-Security-Policy forbids every fetch.
 */
package dev.cascade.report;
