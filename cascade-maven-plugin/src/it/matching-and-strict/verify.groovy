def log = new File(basedir, 'build.log').text
def gate = new File(basedir, 'target/cascade/gate.md').text

// Invocation 1 passed with the new test reported; invocation 2 (strict) failed on it; 3 reported it without failing.
assert gate.contains('| `dev.acme.PaymentsTest.ledgerRestartsOnce` | **new** (strict: not in the baseline) |')
assert !gate.contains('gatewayRestartsOnce')
assert log.contains('new test (strict): dev.acme.PaymentsTest.ledgerRestartsOnce is not in src/test/cascade/baseline.json; add it with: mvn test cascade:baseline')
assert log.contains('## Cascade gate: passed (2 tests; 0 drifted, 0 determinism defects, 1 new, 0 stale, 0 improved)')
assert log.contains('## Cascade gate: FAILED (2 tests; 0 drifted, 0 determinism defects, 1 new (strict), 0 stale, 0 improved)')
assert log.contains('(haltOnFailure=false: not failing the build)')
// The suite index lists the new test (failing in strict mode); the matching one has no report and no drift, so no row.
def index = new File(basedir, 'target/cascade/index.html').text
assert index.contains('<td class="drift fails" data-sort="04"><a href="results/dev.acme.PaymentsTest.ledgerRestartsOnce.json">new</a></td>')
assert !index.contains('gatewayRestartsOnce')
return true
