package dev.cascade.genserver;

import dev.cascade.runtime.Timeout;

import java.util.Objects;
import java.util.Optional;

/**
 * Options of a GenServer start: a local name registered before {@code init} runs (G1, G3), and a
 * limit on how long {@code init} may take (G2; default infinity).
 *
 * <pre>{@code
 * GenServer.startLink(ctx, new Cache(), StartOptions.named("cache").withInitTimeout(Timeout.ofMillis(500)));
 * }</pre>
 */
public record StartOptions(Optional<String> name, Timeout initTimeout) {
    public static final StartOptions DEFAULT = new StartOptions(Optional.empty(), Timeout.INFINITY);

    public StartOptions {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(initTimeout, "initTimeout");
    }

    public static StartOptions named(String name) {
        return DEFAULT.withName(name);
    }

    public StartOptions withName(String name) {
        return new StartOptions(Optional.of(name), initTimeout);
    }

    public StartOptions withInitTimeout(Timeout timeout) {
        return new StartOptions(name, timeout);
    }
}
