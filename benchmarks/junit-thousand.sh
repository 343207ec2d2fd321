#!/usr/bin/env bash
# Issue 15's second figure: the wall time of `mvn test -Dtest=…` for a class of 1,000 chaos tests
# (each: a 3-worker simulated tree, one fault, one assertion, closed), with the extension
# (@CascadeTest) and, for comparison, the same 1,000 bodies in plain JUnit.
#
# The classes are generated into junit-extension's test sources for the run and deleted afterwards,
# so the normal build never runs them. Usage, from the repository root: bash benchmarks/junit-thousand.sh
# CASCADE_OUT=/dev/shm/x puts the 1,000 result records there instead of target/cascade (to tell the
# extension's own cost from the disk's).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=junit-extension/src/test/java/dev/cascade/junit/thousand
mkdir -p "$dir"
trap 'rm -rf "$dir"' EXIT

generate() { # class annotation parameter opening
  local class=$1 annotation=$2 parameter=$3 open=$4 close=$5
  {
    echo "package dev.cascade.junit.thousand;"
    echo "import dev.cascade.chaos.ChaosTree; import dev.cascade.chaos.Fault; import dev.cascade.junit.*;"
    echo "import dev.cascade.junit.examples.shop.Cache; import dev.cascade.runtime.Scheduler;"
    echo "import dev.cascade.supervisor.*; import java.time.Duration; import org.junit.jupiter.api.Test;"
    echo "import static dev.cascade.junit.CascadeAssertions.*;"
    echo "$annotation class $class {"
    echo "  @Tree static SupervisorSpec workers() { return SupervisorSpec.oneForOne().withIntensity(3, Duration.ofSeconds(5))"
    echo "      .withChild(ChildSpec.worker(\"w1\", Cache::new)).withChild(ChildSpec.worker(\"w2\", Cache::new))"
    echo "      .withChild(ChildSpec.worker(\"w3\", Cache::new)); }"
    echo "  static void body(ChaosTree tree) { tree.inject(Fault.kill(\"root/w2\")); tree.runFor(Duration.ofMillis(100));"
    echo "      assertThat(tree.trace()).process(\"root/w2\").wasRestarted(times(1)); }"
    for i in $(seq -w 1 1000); do
      echo "  @Test void test_$i($parameter) { $open body(tree); $close }"
    done
    echo "}"
  } > "$dir/$class.java"
}
generate ThousandChaosTest "@CascadeTest" "ChaosTree tree" "" ""
generate ThousandPlainTest "" "" "try (ChaosTree tree = ChaosTree.builder(workers()).scheduler(Scheduler.simulated(1)).start()) {" "}"

export MAVEN_OPTS="${MAVEN_OPTS:---sun-misc-unsafe-memory-access=allow}"
# Compile once (reactor, no tests), so the timed runs measure test execution plus Maven's own start-up.
mvn -B -q -ntp -pl junit-extension -am test-compile
for class in ThousandChaosTest ThousandPlainTest; do
  start=$(date +%s.%N)
  mvn -B -ntp -pl junit-extension -am test -Dtest="$class" -Dsurefire.failIfNoSpecifiedTests=false ${CASCADE_OUT:+-Dcascade.outputDir=$CASCADE_OUT} \
      | grep -E "Tests run: .*in dev.cascade|BUILD"
  end=$(date +%s.%N)
  echo "$class: mvn test wall time $(echo "$end - $start" | bc) s (load: $(cut -d' ' -f1-3 /proc/loadavg))"
done
