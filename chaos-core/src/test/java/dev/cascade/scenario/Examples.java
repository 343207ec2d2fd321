package dev.cascade.scenario;

/** The examples of scenario-format.md, verbatim (public for the tests of other packages). */
public final class Examples {

    private Examples() {}

    /** scenario-format.md's example scenario, {@code cache-crash}. */
    public static final String SCENARIO = """
            {
              "format": "cascade-scenario/1",
              "name": "cache-crash",
              "tree": {
                "id": "root", "supervisor": true, "strategy": "one_for_one", "intensity": 3, "period_s": 5,
                "children": [
                  { "id": "db", "restart": "permanent", "shutdown_ms": 5000 },
                  { "id": "app", "supervisor": true, "restart": "permanent",
                    "strategy": "rest_for_one", "intensity": 1, "period_s": 5,
                    "children": [
                      { "id": "cache", "restart": "transient", "shutdown": "brutal_kill" },
                      { "id": "api", "restart": "temporary", "init": { "fail_on": [2], "delay_ms": 0 } }
                    ] }
                ]
              },
              "faults": [
                { "at_ms": 100, "target": "root/app/cache", "kind": "raise", "reason": "boom" },
                { "at_ms": 300, "target": "root/db", "kind": "exit_signal", "reason": "kill" }
              ],
              "settle_ms": 500
            }
            """;

    static final String OUTCOME = """
            {
              "format": "cascade-outcome/1",
              "scenario": "cache-crash",
              "events": [
                { "type": "started", "path": "root/db", "incarnation": 1 },
                { "type": "started", "path": "root/app/cache", "incarnation": 1 },
                { "type": "started", "path": "root/app/api", "incarnation": 1 },
                { "type": "started", "path": "root/app", "incarnation": 1 },
                { "type": "started", "path": "root", "incarnation": 1 },
                { "type": "exited", "path": "root/app/cache", "incarnation": 1, "reason": "error:boom" },
                { "type": "exited", "path": "root/app/api", "incarnation": 1, "reason": "shutdown" },
                { "type": "started", "path": "root/app/cache", "incarnation": 2 },
                { "type": "exited", "path": "root/db", "incarnation": 1, "reason": "killed" },
                { "type": "started", "path": "root/db", "incarnation": 2 }
              ],
              "final": { "root": 1, "root/db": 2, "root/app": 1, "root/app/cache": 2, "root/app/api": null }
            }
            """;
}
