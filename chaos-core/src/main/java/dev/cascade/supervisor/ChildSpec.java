package dev.cascade.supervisor;

import dev.cascade.genserver.GenServer;

import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * OTP's child specification (otp-semantics 3.2), validated on construction.
 *
 * <pre>{@code
 * ChildSpec.worker("cache", Cache::new).withRestart(Restart.TRANSIENT).withShutdown(Shutdown.BRUTAL_KILL);
 * ChildSpec.supervisor("app", appSpec);
 * ChildSpec.registry("registry", "sessions");                          // Elixir's {Registry, keys: :unique, name: …}
 * ChildSpec.dynamicSupervisor("sessions", DynamicSupervisorSpec.DEFAULT);
 * }</pre>
 *
 * @param id          unique among its siblings
 * @param start       how to start it
 * @param restart     permanent (default), transient or temporary
 * @param shutdown    default 5 s for workers, infinity for supervisors
 * @param type        worker or supervisor
 * @param significant whether its own exit may shut its supervisor down (auto-shutdown); never for permanent children
 */
public record ChildSpec(String id, ChildStart start, Restart restart, Shutdown shutdown, ChildType type, boolean significant) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]+");

    public ChildSpec {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a child id must match [A-Za-z0-9_.-]+ but was: \"" + id + "\"");
        }
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(restart, "restart");
        Objects.requireNonNull(shutdown, "shutdown");
        Objects.requireNonNull(type, "type");
        if (significant && restart == Restart.PERMANENT) {
            throw new IllegalArgumentException("child \"" + id + "\": a permanent child cannot be significant "
                    + "(bad_combination [{restart,permanent},{significant,true}]); make it transient or temporary");
        }
    }

    /** A worker started by {@code start}, permanent, 5 s shutdown. */
    public static ChildSpec worker(String id, ChildStart start) {
        return new ChildSpec(id, start, Restart.PERMANENT, Shutdown.WORKER_DEFAULT, ChildType.WORKER, false);
    }

    /** A GenServer worker: each start links a fresh server from {@code server} to the supervisor. */
    public static ChildSpec worker(String id, Supplier<? extends GenServer<?>> server) {
        Objects.requireNonNull(server, "server");
        return worker(id, ctx -> GenServer.startLink(ctx, server.get()));
    }

    /** A nested supervisor, permanent, shutdown infinity. */
    public static ChildSpec supervisor(String id, SupervisorSpec spec) {
        Objects.requireNonNull(spec, "spec");
        return new ChildSpec(id, new NestedSupervisor(spec), Restart.PERMANENT, Shutdown.INFINITY,
                ChildType.SUPERVISOR, false);
    }

    /**
     * A {@link dev.cascade.dynamic.DynamicSupervisor} as a child: a supervisor, permanent, shutdown
     * infinity (Elixir's defaults). In a chaos tree its children hold paths below it, named by their
     * registry key ({@code root/sessions/alice}) or by id and position ({@code root/sessions/session-1}).
     *
     * <pre>{@code
     * SupervisorSpec.oneForOne().withChild(ChildSpec.dynamicSupervisor("sessions",
     *         DynamicSupervisorSpec.DEFAULT.withMaxChildren(ChildLimit.atMost(1000))));
     * }</pre>
     */
    public static ChildSpec dynamicSupervisor(String id, dev.cascade.dynamic.DynamicSupervisorSpec spec) {
        Objects.requireNonNull(spec, "spec");
        return new ChildSpec(id, ctx -> dev.cascade.dynamic.DynamicSupervisor.startLink(ctx, spec), Restart.PERMANENT,
                Shutdown.INFINITY, ChildType.SUPERVISOR, false);
    }

    /**
     * As {@link #dynamicSupervisor(String, dev.cascade.dynamic.DynamicSupervisorSpec)}, registered
     * under the local {@code name}, so that its siblings find it ({@code ServerRef.named(name)}), as
     * Elixir's {@code {DynamicSupervisor, name: …}} is.
     */
    public static ChildSpec dynamicSupervisor(String id, dev.cascade.dynamic.DynamicSupervisorSpec spec, String name) {
        Objects.requireNonNull(spec, "spec");
        dev.cascade.genserver.StartOptions options = dev.cascade.genserver.StartOptions.named(name);
        return new ChildSpec(id, ctx -> dev.cascade.dynamic.DynamicSupervisor.startLink(ctx, spec, options), Restart.PERMANENT,
                Shutdown.INFINITY, ChildType.SUPERVISOR, false);
    }

    /**
     * A {@link dev.cascade.registry.Registry} named {@code name} as a child, permanent, started before
     * the siblings that register in it when listed before them.
     *
     * <pre>{@code
     * SupervisorSpec.oneForOne()
     *         .withChild(ChildSpec.registry("registry", "sessions"))
     *         .withChild(ChildSpec.dynamicSupervisor("sessions", DynamicSupervisorSpec.DEFAULT));
     * }</pre>
     */
    public static ChildSpec registry(String id, String name) {
        Objects.requireNonNull(name, "name");
        return worker(id, ctx -> dev.cascade.registry.Registry.startLink(ctx, name));
    }

    public ChildSpec withRestart(Restart restart) {
        return new ChildSpec(id, start, restart, shutdown, type, significant);
    }

    public ChildSpec withShutdown(Shutdown shutdown) {
        return new ChildSpec(id, start, restart, shutdown, type, significant);
    }

    public ChildSpec withSignificant(boolean significant) {
        return new ChildSpec(id, start, restart, shutdown, type, significant);
    }
}
