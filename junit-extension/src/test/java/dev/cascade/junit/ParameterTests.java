package dev.cascade.junit;

import dev.cascade.chaos.ChaosTree;
import dev.cascade.chaos.Fault;
import dev.cascade.chaos.FaultLedger;
import dev.cascade.junit.examples.shop.Cache;
import dev.cascade.junit.examples.shop.Ledger;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.SupervisorSpec;
import dev.cascade.trace.Trace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Parameters: trees by @Tree name from the class or its enclosing classes, their trace and ledger, and errors that name the member and the fix. */
class ParameterTests {
    static final Map<String, Object> SEEN = new ConcurrentHashMap<>();

    @TempDir
    Path folder;

    @CascadeTest
    static class Shop {
        @Tree
        static SupervisorSpec cache() {
            return SupervisorSpec.oneForOne().withChild(ChildSpec.worker("cache", Cache::new));
        }

        @Tree("books")
        static final SupervisorSpec LEDGER = SupervisorSpec.oneForOne().withChild(ChildSpec.worker("ledger", Ledger::new));

        @Test
        void same_tree_for_every_parameter_naming_it(@Tree("cache") ChaosTree one, @Tree("cache") ChaosTree two,
                @Tree("books") ChaosTree books, CascadeContext cascade) {
            SEEN.put("same", one == two && cascade.tree("cache") == one && books != one);
            SEEN.put("books", books.whereis("root/ledger").isPresent());
            one.inject(Fault.kill("root/cache"));
            one.runFor(Duration.ofMillis(1));
        }

        @AfterEach
        void after(@Tree("cache") Trace trace, @Tree("cache") FaultLedger ledger) {
            SEEN.putIfAbsent("trace", trace.events().stream().anyMatch(e -> e.describe().contains("root/cache#1 exited killed")));
            SEEN.putIfAbsent("ledger", ledger.fired().size()); // the nested test's run comes second
        }

        @Nested
        class Inner {
            @Test
            void sees_the_enclosing_classes_trees(@Tree("books") ChaosTree books) {
                SEEN.put("nested", books.incarnations("root/ledger"));
            }
        }
    }

    @Test
    void parameters_naming_one_tree_get_one_instance_and_after_each_sees_its_trace_and_ledger() {
        SEEN.clear();
        new Kit(folder).run(Shop.class).testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));
        assertThat(SEEN).containsEntry("same", true).containsEntry("books", true).containsEntry("trace", true)
                .containsEntry("ledger", 1).containsEntry("nested", 1);
    }

    @CascadeTest
    static class Unknown {
        @Tree
        static SupervisorSpec payments() {
            return SupervisorSpec.oneForOne();
        }

        @Test
        void typo(@Tree("paymnts") ChaosTree tree) {}
    }

    @CascadeTest
    static class WrongType {
        @Tree
        static String payments() {
            return "not a tree";
        }

        @Test
        void test(@Tree("payments") ChaosTree tree) {}
    }

    @CascadeTest
    static class Twice {
        @Tree("payments")
        static SupervisorSpec one() {
            return SupervisorSpec.oneForOne();
        }

        @Tree("payments")
        static final SupervisorSpec TWO = SupervisorSpec.oneForOne();

        @Test
        void test(@Tree("payments") ChaosTree tree) {}
    }

    @CascadeTest
    static class NotStatic {
        @Tree
        SupervisorSpec payments() {
            return SupervisorSpec.oneForOne();
        }

        @Test
        void test(ChaosTree tree) {}
    }

    @CascadeTest
    static class Ambiguous {
        @Tree
        static final SupervisorSpec A = SupervisorSpec.oneForOne();

        @Tree
        static final SupervisorSpec B = SupervisorSpec.oneForOne();

        @Test
        void test(ChaosTree tree) {}
    }

    @Nested
    class Errors_name_the_class_the_member_and_the_fix {
        private String message(Class<?> fixture) {
            return Kit.message(new Kit(folder).run(fixture));
        }

        @Test
        void an_unknown_tree_name() {
            assertThat(message(Unknown.class)).isEqualTo("no @Tree named \"paymnts\" in dev.cascade.junit.ParameterTests$Unknown or its "
                    + "enclosing classes (declared: \"payments\" Unknown.payments()); fix the name, or declare @Tree static SupervisorSpec paymnts() { ... } "
                    + "(asked for by parameter 1 of ParameterTests$Unknown.typo(ChaosTree))");
        }

        @Test
        void a_tree_method_of_the_wrong_type() {
            assertThat(message(WrongType.class)).isEqualTo("@Tree WrongType.payments() returns String but a tree is declared by a "
                    + "SupervisorSpec; make it static SupervisorSpec payments() (asked for by parameter 1 of ParameterTests$WrongType.test(ChaosTree))");
        }

        @Test
        void two_trees_of_one_name() {
            assertThat(message(Twice.class)).startsWith("two @Tree members of dev.cascade.junit.ParameterTests$Twice are named \"payments\": "
                    + "Twice.TWO and Twice.one(); rename one, or give them different names with @Tree(\"...\")");
        }

        @Test
        void a_tree_method_that_is_not_static() {
            assertThat(message(NotStatic.class)).startsWith("@Tree NotStatic.payments() is not static; make it static");
        }

        @Test
        void a_parameter_without_a_name_when_there_are_two_trees() {
            assertThat(message(Ambiguous.class)).startsWith("dev.cascade.junit.ParameterTests$Ambiguous declares 2 trees (\"A\" Ambiguous.A, "
                    + "\"B\" Ambiguous.B); say which with @Tree(\"A\") on the parameter");
        }
    }

    @Test
    void the_errors_are_parameter_resolution_failures_of_the_test_alone() {
        List<Throwable> failures = Kit.failures(new Kit(folder).run(Unknown.class));
        assertThat(failures).singleElement().isInstanceOf(org.junit.jupiter.api.extension.ParameterResolutionException.class);
    }
}
