package dev.cascade.agent.internal;

import dev.cascade.agent.MethodMatch;
import example.shop.FlakyRepository;
import example.shop.InventoryGateway;
import example.shop.Remote;
import example.shop.SlowClient;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A site, as the fault engine sees it at run time: which method matches select it, and which exceptions it may throw. */
class SiteTests {
    /** SlowClient.fetch, as if declared by a subclass {@code example.shop.CachingClient extends SlowClient}. */
    private static final Site SUBCLASS_FETCH = new Site(1, "fetch", "CachingClient.fetch",
            Set.of("example.shop.CachingClient", "example.shop.SlowClient", "java.lang.Object"), Set.of(),
            List.of("java.lang.InterruptedException"));
    /** InventoryGateway.reserve: @Remote on its type. */
    private static final Site RESERVE = new Site(2, "reserve", "InventoryGateway.reserve",
            Set.of("example.shop.InventoryGateway", "java.lang.Object"), Set.of("example.shop.Remote"), List.of());
    /** FlakyRepository.save, throws SQLException. */
    private static final Site SAVE = new Site(3, "save", "FlakyRepository.save",
            Set.of("example.shop.FlakyRepository", "java.lang.Object"), Set.of(), List.of("java.sql.SQLException"));

    @Test
    void aMethodMatchOnASupertypeSelectsTheOverridingMethod() {
        assertThat(SUBCLASS_FETCH.matches(MethodMatch.method(SlowClient.class, "fetch"))).isTrue();
        assertThat(SUBCLASS_FETCH.matches(MethodMatch.anyMethodOf(SlowClient.class))).isTrue();
        assertThat(SUBCLASS_FETCH.matches(MethodMatch.method("example.shop.CachingClient", "fetch"))).isTrue();
    }

    @Test
    void aMethodMatchOnAnotherTypeOrMethodNameDoesNotSelectIt() {
        assertThat(SUBCLASS_FETCH.matches(MethodMatch.method(FlakyRepository.class, "save"))).isFalse();
        assertThat(SUBCLASS_FETCH.matches(MethodMatch.method("example.shop.SlowClient", "fetchAll"))).isFalse();
        assertThat(SAVE.matches(MethodMatch.method(FlakyRepository.class, "balance"))).isFalse();
        assertThat(SAVE.matches(MethodMatch.method(FlakyRepository.class, "save"))).isTrue();
    }

    @Test
    void anAnnotationMatchSelectsOnlySitesCarryingTheAnnotation() {
        MethodMatch remote = MethodMatch.annotatedWith(Remote.class);
        assertThat(RESERVE.matches(remote)).isTrue();
        assertThat(RESERVE.matches(remote.named("reserve"))).isTrue();
        assertThat(RESERVE.matches(remote.named("release"))).isFalse();
        assertThat(SAVE.matches(remote)).isFalse();
        assertThat(SUBCLASS_FETCH.matches(remote)).isFalse();
    }

    @Test
    void aMatchWithTypeAndAnnotationNeedsBoth() {
        MethodMatch both = new MethodMatch(InventoryGateway.class.getName(), null, Remote.class.getName());
        assertThat(RESERVE.matches(both)).isTrue();
        Site unannotated = new Site(4, "reserve", "InventoryGateway.reserve", RESERVE.types(), Set.of(), List.of());
        assertThat(unannotated.matches(both)).isFalse();
        MethodMatch otherType = new MethodMatch(FlakyRepository.class.getName(), null, Remote.class.getName());
        assertThat(RESERVE.matches(otherType)).isFalse();
    }

    @Test
    void anUncheckedExceptionOrErrorMayAlwaysBeThrown() {
        for (Site site : List.of(SUBCLASS_FETCH, RESERVE, SAVE)) {
            assertThat(site.mayThrow(RuntimeException.class)).isTrue();
            assertThat(site.mayThrow(IllegalStateException.class)).isTrue();
            assertThat(site.mayThrow(UncheckedIOException.class)).isTrue();
            assertThat(site.mayThrow(Error.class)).isTrue();
            assertThat(site.mayThrow(OutOfMemoryError.class)).isTrue();
        }
    }

    @Test
    void aCheckedExceptionMayBeThrownOnlyIfDeclaredOrASubtypeOfADeclaredOne() {
        assertThat(SAVE.mayThrow(SQLException.class)).isTrue();
        assertThat(SAVE.mayThrow(SQLTimeoutException.class)).isTrue();
        assertThat(SAVE.mayThrow(IOException.class)).isFalse();
        assertThat(SAVE.mayThrow(Exception.class)).as("a supertype of the declared one is not declared").isFalse();
        assertThat(SAVE.mayThrow(Throwable.class)).isFalse();
        assertThat(RESERVE.mayThrow(Exception.class)).as("nothing declared").isFalse();
        assertThat(SUBCLASS_FETCH.mayThrow(InterruptedException.class)).isTrue();
    }

    @Test
    void aMethodDeclaringExceptionMayThrowAnyCheckedException() {
        Site broad = new Site(5, "call", "Task.call", Set.of("example.Task"), Set.of(), List.of("java.lang.Exception"));
        assertThat(broad.mayThrow(IOException.class)).isTrue();
        assertThat(broad.mayThrow(SQLException.class)).isTrue();
        assertThat(broad.mayThrow(Throwable.class)).isFalse();
    }
}
