package dev.cascade.genserver;

import dev.cascade.runtime.MailboxLimit;
import dev.cascade.runtime.ServerRef;
import dev.cascade.runtime.Timeout;

import java.util.Objects;
import java.util.Optional;

/**
 * Options of a GenServer start: a name registered before {@code init} runs (G1, G3), either local
 * or a key in a registry ({@link ServerRef.Via}, Elixir's {@code {:via, Registry, {registry, key}}}),
 * a limit on how long {@code init} may take (G2; default infinity), and a {@link MailboxLimit}
 * (default unbounded).
 *
 * <pre>{@code
 * GenServer.startLink(ctx, new Cache(), StartOptions.named("cache").withInitTimeout(Timeout.ofMillis(500)));
 * GenServer.startLink(ctx, new Session(), StartOptions.via("sessions", userId));
 * }</pre>
 *
 * @param viaName a registry key to register under instead of a local name; the registry must be running
 */
public record StartOptions(Optional<String> name, Timeout initTimeout, Optional<ServerRef.Via> viaName, MailboxLimit mailbox) {
    public static final StartOptions DEFAULT = new StartOptions(Optional.empty(), Timeout.INFINITY);

    public StartOptions {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(initTimeout, "initTimeout");
        Objects.requireNonNull(viaName, "viaName");
        Objects.requireNonNull(mailbox, "mailbox");
        if (name.isPresent() && viaName.isPresent()) {
            throw new IllegalArgumentException("a server is registered under one name but got both the local name \""
                    + name.get() + "\" and " + viaName.get() + "; use either withName or withVia");
        }
    }

    /** Options without a via name. */
    public StartOptions(Optional<String> name, Timeout initTimeout) {
        this(name, initTimeout, Optional.empty());
    }

    /** Options with an unbounded mailbox. */
    public StartOptions(Optional<String> name, Timeout initTimeout, Optional<ServerRef.Via> viaName) {
        this(name, initTimeout, viaName, MailboxLimit.UNBOUNDED);
    }

    public static StartOptions named(String name) {
        return DEFAULT.withName(name);
    }

    /** Registered under {@code key} in the registry named {@code registry}. */
    public static StartOptions via(String registry, Object key) {
        return DEFAULT.withVia(registry, key);
    }

    public StartOptions withName(String name) {
        return new StartOptions(Optional.of(name), initTimeout, viaName, mailbox);
    }

    public StartOptions withVia(String registry, Object key) {
        return new StartOptions(name, initTimeout, Optional.of(new ServerRef.Via(registry, key)), mailbox);
    }

    public StartOptions withInitTimeout(Timeout timeout) {
        return new StartOptions(name, timeout, viaName, mailbox);
    }

    /** The server's mailbox bound, applied before {@code init} runs (default unbounded). */
    public StartOptions withMailbox(MailboxLimit mailbox) {
        return new StartOptions(name, initTimeout, viaName, mailbox);
    }
}
