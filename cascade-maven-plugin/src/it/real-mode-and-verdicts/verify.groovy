def log = new File(basedir, 'build.log').text
def gate = new File(basedir, 'target/cascade/gate.md').text
def index = new File(basedir, 'target/cascade/index.html').text

// Real mode, compared with the rule's tolerances and never replayed: 3 restarts against a baseline of 1 is
// beyond the tolerance of 1 and fails, naming it; 2 restarts (and any recovery within 60 s of the baseline's) pass.
assert log.contains('drift: dev.acme.RealModeTest.ledgerBeyondTolerance restarts[payments:root/ledger] 1 → 3 (noWorse ±1), seed=-1514845419614336805, report: target/cascade/results/dev.acme.RealModeTest.ledgerBeyondTolerance.json')
assert gate.contains('| `dev.acme.RealModeTest.ledgerBeyondTolerance` | **drift** (real mode: compared with tolerances, not replayed) | restarts[payments:root/ledger] | 1 → 3 | noWorse ±1 |')
assert !gate.contains('gatewayWithinTolerance')
assert !gate.contains('recovery[payments]')

// The spec's verdict went PASS -> FAIL (and with it the outcome), confirmed by one replay from the seed.
assert log.contains('drift: dev.acme.SpecTest.rootSurvivesTwoGatewayCrashes verdicts[rootSurvives()] PASS → FAIL (noWorse), seed=1100990565105166673, report: target/cascade/dev.acme.SpecTest.rootSurvivesTwoGatewayCrashes/payments.html')
assert log.contains('drift: dev.acme.SpecTest.rootSurvivesTwoGatewayCrashes outcome passed → failed (noWorse)')
assert gate.contains('| `dev.acme.SpecTest.rootSurvivesTwoGatewayCrashes` | **drift** (replayed once from seed 1100990565105166673: same again) | verdicts[rootSurvives()] | PASS → FAIL | noWorse |')
assert log.contains('## Cascade gate: FAILED (3 tests; 2 drifted, 0 determinism defects, 0 new, 0 stale, 0 improved)')

// The suite index shows each drift in its drift column, linked to the test's report: the failing spec test's row
// (written by the extension) to its HTML report, the real-mode test (which passed, so has no report) to its record.
assert index.contains('<th>drift from the baseline</th>')
assert index.contains('2 runs, 1 failed, 2 failing the CI gate against the baseline')
assert index.contains('<td>SpecTest#rootSurvivesTwoGatewayCrashes</td>')
assert index.contains('<a href="dev.acme.SpecTest.rootSurvivesTwoGatewayCrashes/payments.html">drift</a><br><code>outcome passed → failed (noWorse)</code><br><code>verdicts[rootSurvives()] PASS → FAIL (noWorse)</code>')
assert index.contains('<td>dev.acme.RealModeTest.ledgerBeyondTolerance</td>')
assert index.contains('<a href="results/dev.acme.RealModeTest.ledgerBeyondTolerance.json">drift</a><br><code>restarts[payments:root/ledger] 1 → 3 (noWorse ±1)</code>')
assert !index.contains('gatewayWithinTolerance')
return true
