def log = new File(basedir, 'build.log').text
def gate = new File(basedir, 'target/cascade/gate.md').text

// Invocation 1 passed with the new test reported; invocation 2 (strict) failed on it; 3 reported it without failing.
assert gate.contains('| `dev.acme.PaymentsTest.ledgerRestartsOnce` | **new** (strict: not in the baseline) |')
assert !gate.contains('gatewayRestartsOnce')
assert log.contains('new test (strict): dev.acme.PaymentsTest.ledgerRestartsOnce is not in src/test/cascade/baseline.json; add it with: mvn test cascade:baseline')
assert log.contains('## Cascade gate: passed (2 tests; 0 drifted, 0 determinism defects, 1 new, 0 stale, 0 improved)')
assert log.contains('## Cascade gate: FAILED (2 tests; 0 drifted, 0 determinism defects, 1 new (strict), 0 stale, 0 improved)')
assert log.contains('(haltOnFailure=false: not failing the build)')
return true
