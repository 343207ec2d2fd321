package dev.cascade.agent.internal;

import dev.cascade.agent.MethodMatch;
import dev.cascade.agent.UserCode;
import example.shop.FlakyRepository;
import example.shop.Remote;
import example.shop.SlowClient;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a session may change: validation of virtual-time packages, and how sessions' code combines. */
class UserCodeTests {
    private static final MethodMatch FETCH = MethodMatch.method(SlowClient.class, "fetch");
    private static final MethodMatch SAVE = MethodMatch.method(FlakyRepository.class, "save");
    private static final MethodMatch REMOTE = MethodMatch.annotatedWith(Remote.class);

    @Test
    void aPackageNameMustBeAJavaPackageName() {
        for (String bad : new String[] {"", "com..acme", "com.acme.", ".com.acme", "1com.acme", "com.acme-billing", "com acme",
                "com/acme"}) {
            assertThatThrownBy(() -> UserCode.virtualTime(bad))
                    .as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("virtual time package must be a Java package name like com.acme.billing but was \"" + bad + "\"");
        }
    }

    @Test
    void jdkCascadeAndByteBuddyPackagesAndTheirSubpackagesAreRefused() {
        String[][] refused = {{"java", "java"}, {"java.util", "java"}, {"javax.net", "javax"}, {"jdk.internal", "jdk"},
                {"sun", "sun"}, {"sun.misc", "sun"}, {"com.sun", "com.sun"}, {"com.sun.net.httpserver", "com.sun"},
                {"dev.cascade", "dev.cascade"}, {"dev.cascade.agent.internal", "dev.cascade"}, {"net.bytebuddy", "net.bytebuddy"},
                {"net.bytebuddy.agent", "net.bytebuddy"}};
        for (String[] pair : refused) {
            assertThatThrownBy(() -> UserCode.virtualTime(pair[0]))
                    .as(pair[0]).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("virtual time package " + pair[0] + " would reach into " + pair[1] + ".*, which is the JDK, "
                            + "Cascade or ByteBuddy; name your own packages (the runtime already keeps its own time)");
        }
    }

    @Test
    void aParentOfAnOwnedPackageIsRefusedBecauseItsSubpackagesWouldReachIt() {
        assertThatThrownBy(() -> UserCode.virtualTime("com"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("virtual time package com would reach into com.sun.*");
        assertThatThrownBy(() -> UserCode.virtualTime("dev"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("virtual time package dev would reach into dev.cascade.*");
        assertThatThrownBy(() -> UserCode.virtualTime("net"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("virtual time package net would reach into net.bytebuddy.*");
    }

    @Test
    void packagesThatOnlyShareAPrefixWithOwnedOnesAreUserPackages() {
        UserCode code = UserCode.virtualTime("com.acme.billing", "javafx", "sunshine", "dev.cascadia", "network", "com.sunny");
        assertThat(code.virtualTimePackages())
                .containsExactlyInAnyOrder("com.acme.billing", "javafx", "sunshine", "dev.cascadia", "network", "com.sunny");
    }

    @Test
    void aNullPackageIsRefused() {
        assertThatThrownBy(() -> UserCode.virtualTime("com.acme", null)).isInstanceOf(NullPointerException.class).hasMessage("package");
        assertThatThrownBy(() -> UserCode.methods(FETCH, null)).isInstanceOf(NullPointerException.class).hasMessage("method match");
    }

    @Test
    void repeatedMatchesAndPackagesAreKeptOnceInTheOrderFirstGiven() {
        UserCode code = UserCode.methods(FETCH, SAVE, FETCH, MethodMatch.method(SlowClient.class, "fetch"))
                .virtualTimeIn("com.acme", "com.acme");
        assertThat(code.methods()).containsExactly(FETCH, SAVE);
        assertThat(code.virtualTimePackages()).containsExactly("com.acme");
    }

    @Test
    void withIsTheUnionOfBothWithoutDuplicates() {
        UserCode first = UserCode.methods(FETCH, SAVE).virtualTimeIn("com.acme");
        UserCode second = UserCode.methods(SAVE, REMOTE).virtualTimeIn("com.acme", "org.shop");
        UserCode both = first.with(second);
        assertThat(both.methods()).containsExactly(FETCH, SAVE, REMOTE);
        assertThat(both.virtualTimePackages()).containsExactlyInAnyOrder("com.acme", "org.shop");
        assertThat(second.with(first).methods()).containsExactlyInAnyOrderElementsOf(both.methods());
        assertThat(first.with(first)).isEqualTo(first);
        assertThat(first.with(UserCode.nothing())).isEqualTo(first);
        assertThat(UserCode.nothing().with(first)).isEqualTo(first);
    }

    @Test
    void withLeavesBothOperandsAsTheyWere() {
        UserCode first = UserCode.methods(FETCH);
        UserCode second = UserCode.virtualTime("com.acme");
        first.with(second);
        assertThat(first.methods()).containsExactly(FETCH);
        assertThat(first.virtualTimePackages()).isEmpty();
        assertThat(second.methods()).isEmpty();
    }

    @Test
    void nothingIsEmptyAndAnythingNamedMakesItNonEmpty() {
        assertThat(UserCode.nothing().isEmpty()).isTrue();
        assertThat(new UserCode(List.of(), Set.of()).isEmpty()).isTrue();
        assertThat(UserCode.methods(FETCH).isEmpty()).isFalse();
        assertThat(UserCode.virtualTime("com.acme").isEmpty()).isFalse();
    }

    @Test
    void aUserCodeIsImmutable() {
        UserCode code = UserCode.methods(FETCH).virtualTimeIn("com.acme");
        assertThatThrownBy(() -> code.methods().add(SAVE)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> code.virtualTimePackages().add("org.x")).isInstanceOf(UnsupportedOperationException.class);
    }
}
