def log = new File(basedir, 'build.log').text
def gate = new File(basedir, 'target/cascade/gate.md').text

// The test run (counter 1) and its one replay (counter 2) differ: a determinism defect with both runs, not a drift.
assert gate.contains('0 drifted, 1 determinism defects')
assert gate.contains('| `dev.acme.FlakyTest.dependsOnAFile` | **determinism defect**: replay from the same seed differs from run 1 | restarts[payments:root/gateway] | run 1: 1, replay: 2 |')
assert log.contains('determinism defect: dev.acme.FlakyTest.dependsOnAFile restarts[payments:root/gateway] was 1 in the test run and 2 in its replay with the same seed=-839233702951446675; it depends on more than its seed')
// Replayed exactly once.
assert new File(basedir, 'target/runs.txt').text.trim() == '2'
// The suite index names it a determinism defect with both runs' readings, linked to the test's record.
def index = new File(basedir, 'target/cascade/index.html').text
assert index.contains('<a href="results/dev.acme.FlakyTest.dependsOnAFile.json">determinism defect</a><br><code>restarts[payments:root/gateway] run 1: 1, replay from the same seed: 2</code>')
return true
