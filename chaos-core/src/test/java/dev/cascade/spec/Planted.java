package dev.cascade.spec;

import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.SupervisorSpec;

import java.time.Duration;

/** Trees with a planted bug that only a combination of two faults reveals. */
final class Planted {
    private Planted() {}

    /**
     * The ordering mistake: the root is rest-for-one with the ledger after the gateway, so when the
     * gateway supervisor gives up (two crashes under it within 5 s: intensity 1) the root restarts
     * the ledger too. One crash under the gateway is handled inside it and never reaches the ledger.
     */
    static SupervisorSpec payments() {
        return SupervisorSpec.restForOne().withIntensity(3, Duration.ofSeconds(5))
                .withChild(ChildSpec.supervisor("gateway", SupervisorSpec.oneForOne().withIntensity(1, Duration.ofSeconds(5))
                        .withChild(Server.worker("auth"))
                        .withChild(Server.worker("session"))))
                .withChild(Server.worker("ledger"));
    }

    /** A flat one-for-one tree: a crash is healed at once, unless the restart that follows is slow. */
    static SupervisorSpec shop() {
        return SupervisorSpec.oneForOne().withIntensity(5, Duration.ofSeconds(5))
                .withChild(Server.worker("db"))
                .withChild(Server.worker("cache"))
                .withChild(Server.worker("api"));
    }
}
