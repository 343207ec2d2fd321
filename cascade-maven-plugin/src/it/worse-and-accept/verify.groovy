def log = new File(basedir, 'build.log').text
def baseline = new File(basedir, 'src/test/cascade/baseline.json').text

// 1. verify failed naming the drift: test, metric, baseline -> now, rule, seed, report.
assert log.contains('drift: dev.acme.PaymentsTest.gatewayCrashes restarts[payments:root/gateway] 1 → 2 (equal), seed=-8979258973458231966, report: target/cascade/results/dev.acme.PaymentsTest.gatewayCrashes.json')
assert log.contains('**drift** (replayed once from seed -8979258973458231966: same again)')
// 2. the baseline refused to loosen without a reason.
assert log.contains('cascade:baseline only tightens; not written, because:')
assert log.contains('dev.acme.PaymentsTest.gatewayCrashes got worse: restarts[payments:root/gateway]: 1 → 2')
// 3. accepted: the reason, the date and the version beside the entry.
assert baseline.contains('"reason": "the gateway is now killed twice (PAY-123)"')
assert baseline.contains('"date": "' + java.time.LocalDate.now(java.time.ZoneOffset.UTC) + '"')
assert baseline.contains('"cascade_version": "' + cascadeVersion + '"')
assert baseline.contains('"restarts[payments:root/gateway]": 2')
// 4. the gate passes with the accepted baseline.
assert log.contains('## Cascade gate: passed (1 tests; 0 drifted')
// The suite index: invocation 1 gave the drifting test (passing, so without a report) a row linked to its record;
// invocation 4 replaced its drift: it now matches the accepted baseline.
def index = new File(basedir, 'target/cascade/index.html').text
assert index.contains('<td>dev.acme.PaymentsTest.gatewayCrashes</td>')
assert index.contains('<td class="drift same" data-sort="16">= baseline</td><td><a href="results/dev.acme.PaymentsTest.gatewayCrashes.json">report</a></td>')
assert !index.contains('>drift</a>')
return true
