package dev.cascade.agent.internal;

import dev.cascade.agent.MethodMatch;
import example.shop.FlakyRepository;
import example.shop.InventoryGateway;
import example.shop.Remote;
import example.shop.SlowClient;
import net.bytebuddy.ByteBuddy;
import org.junit.jupiter.api.Test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which method matches are accepted, the message of each that is refused, and how matches are named. */
class MethodMatchTests {

    @Retention(RetentionPolicy.CLASS)
    @Target(ElementType.METHOD)
    @interface InClassFileOnly {}

    @Target(ElementType.METHOD)
    @interface NoRetentionGiven {}

    @Retention(RetentionPolicy.SOURCE)
    @interface InSourceOnly {}

    @Test
    void aJdkClassOnTheBootLoaderIsRefusedPointingAtTheCallerInstead() {
        assertThatThrownBy(() -> MethodMatch.method(String.class, "length"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("java.lang.String is a JDK class: it is loaded where the agent's hooks cannot be seen, so it cannot be "
                        + "instrumented; match your own class that calls it instead");
        assertThatThrownBy(() -> MethodMatch.anyMethodOf(Thread.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("java.lang.Thread is a JDK class");
    }

    @Test
    void aJdkClassOnThePlatformLoaderIsRefusedToo() {
        assertThat(SQLException.class.getClassLoader()).isSameAs(ClassLoader.getPlatformClassLoader());
        assertThatThrownBy(() -> MethodMatch.anyMethodOf(SQLException.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("java.sql.SQLException is a JDK class");
    }

    @Test
    void cascadesOwnAndByteBuddysClassesAreRefusedByClassAndByName() {
        assertThatThrownBy(() -> MethodMatch.anyMethodOf(Arguments.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dev.cascade.agent.internal.Arguments belongs to the JDK, Cascade or ByteBuddy and cannot be "
                        + "instrumented; match your own class that calls it instead");
        assertThatThrownBy(() -> MethodMatch.method(ByteBuddy.class, "subclass"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("net.bytebuddy.ByteBuddy belongs to the JDK");
        for (String name : new String[] {"java.util.List", "javax.sql.DataSource", "jdk.internal.Foo", "sun.misc.Unsafe",
                "com.sun.net.httpserver.HttpServer", "dev.cascade.runtime.Node", "net.bytebuddy.agent.ByteBuddyAgent"}) {
            assertThatThrownBy(() -> MethodMatch.method(name, "x"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(name + " belongs to the JDK, Cascade or ByteBuddy");
        }
    }

    @Test
    void namesThatOnlyLookLikeOwnedPackagesAreAccepted() {
        assertThat(MethodMatch.method("javafx.Widget", "x").typeName()).isEqualTo("javafx.Widget");
        assertThat(MethodMatch.method("dev.cascadeish.Thing", "x").typeName()).isEqualTo("dev.cascadeish.Thing");
        assertThat(MethodMatch.method("com.acme.Gateway", "x").typeName()).isEqualTo("com.acme.Gateway");
    }

    @Test
    void aMethodNameTheTypeDoesNotHaveIsRefusedListingTheMethodsItHas() {
        assertThatThrownBy(() -> MethodMatch.method(SlowClient.class, "get"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("example.shop.SlowClient has no method named get (its methods: [fetch])");
        assertThatThrownBy(() -> MethodMatch.method(FlakyRepository.class, "delete"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("example.shop.FlakyRepository has no method named delete (its methods: [balance, save])");
    }

    @Test
    void aMethodOnlyObjectDeclaresIsNotAMethodOfTheType() {
        assertThatThrownBy(() -> MethodMatch.method(SlowClient.class, "toString"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("example.shop.SlowClient has no method named toString (its methods: [fetch])");
    }

    @Test
    void constructorsAndStaticInitialisersAreRefused() {
        for (String name : new String[] {"<init>", "<clinit>"}) {
            assertThatThrownBy(() -> MethodMatch.method("example.shop.SlowClient", name))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("constructors and static initialisers cannot be matched; match a method");
        }
    }

    @Test
    void aMatchNeedsATypeOrAnAnnotation() {
        assertThatThrownBy(() -> new MethodMatch(null, "fetch", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a method match needs a type or an annotation");
    }

    @Test
    void blankOrSpacedNamesAreRefusedNamingWhichPart() {
        assertThatThrownBy(() -> MethodMatch.method("example.shop.Slow Client", "fetch"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a method match's type name must be a Java name but was \"example.shop.Slow Client\"");
        assertThatThrownBy(() -> MethodMatch.method("example.shop.SlowClient", " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a method match's method name must be a Java name but was \" \"");
        assertThatThrownBy(() -> new MethodMatch(null, null, "example.shop.Re mote"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a method match's annotation must be a Java name but was \"example.shop.Re mote\"");
        assertThatThrownBy(() -> MethodMatch.annotatedWith(Remote.class).named("\tfetch"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("method name must be a Java name");
    }

    @Test
    void anAnnotationNotRetainedAtRunTimeIsRefusedSayingHowToFixIt() {
        assertThatThrownBy(() -> MethodMatch.annotatedWith(InClassFileOnly.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("@InClassFileOnly is not retained at run time, so the agent cannot see it on loaded classes; "
                        + "annotate it with @Retention(RetentionPolicy.RUNTIME)");
        assertThatThrownBy(() -> MethodMatch.annotatedWith(NoRetentionGiven.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("@NoRetentionGiven is not retained at run time");
        assertThatThrownBy(() -> MethodMatch.annotatedWith(InSourceOnly.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("@InSourceOnly is not retained at run time");
    }

    @Test
    void nullArgumentsAreRefusedNamingTheParameter() {
        assertThatThrownBy(() -> MethodMatch.method((Class<?>) null, "x")).isInstanceOf(NullPointerException.class).hasMessage("type");
        assertThatThrownBy(() -> MethodMatch.method(SlowClient.class, null)).isInstanceOf(NullPointerException.class).hasMessage("name");
        assertThatThrownBy(() -> MethodMatch.anyMethodOf(null)).isInstanceOf(NullPointerException.class).hasMessage("type");
        assertThatThrownBy(() -> MethodMatch.annotatedWith(null)).isInstanceOf(NullPointerException.class).hasMessage("annotation");
    }

    @Test
    void aMatchIsDescribedByTheSimpleTypeNameTheMethodAndTheAnnotation() {
        assertThat(MethodMatch.method(SlowClient.class, "fetch").describe()).isEqualTo("SlowClient.fetch");
        assertThat(MethodMatch.anyMethodOf(FlakyRepository.class).describe()).isEqualTo("FlakyRepository.*");
        assertThat(MethodMatch.annotatedWith(Remote.class).describe()).isEqualTo("@Remote *");
        assertThat(MethodMatch.annotatedWith(Remote.class).named("reserve").describe()).isEqualTo("@Remote reserve");
        assertThat(new MethodMatch(InventoryGateway.class.getName(), null, Remote.class.getName()).describe())
                .isEqualTo("@Remote InventoryGateway.*");
        assertThat(MethodMatch.method("example.shop.Outer$Inner", "run").describe()).isEqualTo("Outer$Inner.run");
        assertThat(MethodMatch.method("Unpackaged", "run").describe()).isEqualTo("Unpackaged.run");
        assertThat(MethodMatch.method(SlowClient.class, "fetch")).hasToString("SlowClient.fetch");
    }

    @Test
    void namedNarrowsAMatchKeepingItsTypeAndAnnotation() {
        MethodMatch narrowed = MethodMatch.anyMethodOf(FlakyRepository.class).named("save");
        assertThat(narrowed).isEqualTo(MethodMatch.method(FlakyRepository.class, "save"));
        assertThat(MethodMatch.annotatedWith(Remote.class).named("reserve"))
                .isEqualTo(new MethodMatch(null, "reserve", Remote.class.getName()));
    }
}
