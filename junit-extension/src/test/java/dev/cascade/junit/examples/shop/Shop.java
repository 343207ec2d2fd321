package dev.cascade.junit.examples.shop;

import dev.cascade.dynamic.DynamicStartResult;
import dev.cascade.dynamic.DynamicSupervisor;
import dev.cascade.dynamic.DynamicSupervisorSpec;
import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.StartOptions;
import dev.cascade.registry.Registry;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.runtime.ServerRef;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.ChildType;
import dev.cascade.supervisor.Restart;
import dev.cascade.supervisor.Shutdown;
import dev.cascade.supervisor.SupervisorSpec;

import java.time.Duration;

/**
 * A small shop's supervision tree, the application the example chaos tests break:
 *
 * <pre>
 * root (one_for_one, 3 restarts in 5 s)
 * ├── payments (one_for_one)      ledger, gateway
 * ├── cache
 * └── frontdoor (rest_for_one)    registry "sessions", sessions (a DynamicSupervisor of Session, one per user)
 * </pre>
 *
 * The sessions come after the registry under {@code rest_for_one}: when the registry dies (and with it every
 * registration), the sessions are restarted too.
 */
public final class Shop {
    public static final String SESSION_SUPERVISOR = "session_sup";

    private Shop() {}

    public static SupervisorSpec tree() {
        SupervisorSpec payments = SupervisorSpec.oneForOne().withIntensity(3, Duration.ofSeconds(5))
                .withChild(ChildSpec.worker("ledger", c -> GenServer.startLink(c, new Ledger(), StartOptions.named("ledger"))))
                .withChild(ChildSpec.worker("gateway", Gateway::new));
        SupervisorSpec frontdoor = SupervisorSpec.restForOne().withIntensity(3, Duration.ofSeconds(5))
                .withChild(ChildSpec.worker("registry", c -> Registry.startLink(c, "sessions")))
                .withChild(new ChildSpec("sessions", c -> DynamicSupervisor.startLink(c, DynamicSupervisorSpec.DEFAULT,
                        StartOptions.named(SESSION_SUPERVISOR)), Restart.PERMANENT, Shutdown.INFINITY, ChildType.SUPERVISOR, false));
        return SupervisorSpec.oneForOne().withIntensity(3, Duration.ofSeconds(5))
                .withChild(ChildSpec.supervisor("payments", payments))
                .withChild(ChildSpec.worker("cache", Cache::new))
                .withChild(ChildSpec.supervisor("frontdoor", frontdoor));
    }

    /** Starts {@code user}'s session under the sessions supervisor, registered under the user's name. */
    public static DynamicStartResult openSession(ProcessContext ctx, String user) {
        return DynamicSupervisor.startChild(ctx, ServerRef.named(SESSION_SUPERVISOR), ChildSpec.worker("session",
                c -> GenServer.startLink(c, new Session(), StartOptions.via("sessions", user))));
    }
}
