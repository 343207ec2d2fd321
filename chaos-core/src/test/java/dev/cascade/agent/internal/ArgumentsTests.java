package dev.cascade.agent.internal;

import example.shop.Charge;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** How a call's arguments are summarised for the trace: short, and never by running an arbitrary object's toString. */
class ArgumentsTests {

    /** An ordinary object whose toString must never run (it records that it did). */
    static final class Secretive {
        final AtomicBoolean toStringRan = new AtomicBoolean();

        @Override
        public String toString() {
            toStringRan.set(true);
            return "password=hunter2";
        }
    }

    /** A record whose toString fails. */
    record Broken(int value) {
        @Override
        public String toString() {
            throw new IllegalStateException("no");
        }
    }

    private static String summarize(Object... arguments) {
        return Arguments.summarize(arguments);
    }

    @Test
    void noArgumentsAndANullArrayAreBothEmpty() {
        assertThat(Arguments.summarize(new Object[0])).isEmpty();
        assertThat(Arguments.summarize(null)).isEmpty();
    }

    @Test
    void stringsAndOtherCharSequencesAreQuoted() {
        assertThat(summarize("apple")).isEqualTo("\"apple\"");
        assertThat(summarize(new StringBuilder("pear"))).isEqualTo("\"pear\"");
        assertThat(summarize("")).isEqualTo("\"\"");
    }

    @Test
    void numbersBooleansEnumsAndCharactersAreThemselves() {
        assertThat(summarize(1, 2L, 2.5d, 1.5f, (short) 3, (byte) 4, new BigDecimal("9.99")))
                .isEqualTo("1, 2, 2.5, 1.5, 3, 4, 9.99");
        assertThat(summarize(true, false)).isEqualTo("true, false");
        assertThat(summarize(TimeUnit.SECONDS)).isEqualTo("SECONDS");
        assertThat(summarize('x')).isEqualTo("'x'");
    }

    @Test
    void aNullArgumentIsNull() {
        assertThat(summarize("a", null, 3)).isEqualTo("\"a\", null, 3");
    }

    @Test
    void aRecordIsItsOwnToString() {
        assertThat(summarize(new Charge("alice", "apple"))).isEqualTo("Charge[account=alice, item=apple]");
    }

    @Test
    void aRecordWhoseToStringFailsIsItsSimpleName() {
        assertThat(summarize(new Broken(1))).isEqualTo("Broken");
    }

    @Test
    void arraysAreTheirComponentTypeAndLengthNeverTheirContent() {
        assertThat(summarize((Object) new int[3])).isEqualTo("int[3]");
        assertThat(summarize((Object) new String[] {"secret", "values"})).isEqualTo("String[2]");
        assertThat(summarize((Object) new int[2][5])).isEqualTo("int[][2]");
        assertThat(summarize((Object) new byte[0])).isEqualTo("byte[0]");
    }

    @Test
    void anyOtherObjectIsItsSimpleClassNameAndItsToStringNeverRuns() {
        Secretive secretive = new Secretive();
        assertThat(summarize(secretive)).isEqualTo("Secretive");
        assertThat(secretive.toStringRan).isFalse();
    }

    @Test
    void anAnonymousObjectIsItsBinaryNameCutLikeAnyArgument() {
        Object anonymous = new Object() {
            @Override
            public String toString() {
                throw new AssertionError("toString of an argument ran");
            }
        };
        String name = anonymous.getClass().getName(); // dev.cascade.agent.internal.ArgumentsTests$1: longer than 40
        assertThat(name).hasSizeGreaterThan(Arguments.PER_ARGUMENT);
        assertThat(summarize(anonymous)).isEqualTo(name.substring(0, Arguments.PER_ARGUMENT - 1) + "…");
    }

    @Test
    void eachArgumentIsCutToFortyCharactersEndingInAnEllipsis() {
        String thirtyEight = "a".repeat(38); // quoted: exactly 40 characters, kept whole
        assertThat(summarize(thirtyEight)).isEqualTo("\"" + thirtyEight + "\"").hasSize(Arguments.PER_ARGUMENT);
        String long50 = "b".repeat(50);
        String cut = summarize(long50);
        assertThat(cut).hasSize(40).startsWith("\"bbb").endsWith("b…").doesNotContain("\"b…");
        assertThat(cut).isEqualTo("\"" + "b".repeat(38) + "…");
    }

    @Test
    void eachArgumentIsCutOnItsOwnNotTheWholeSummary() {
        String cut = summarize("c".repeat(60), 7, new Charge("d".repeat(50), "x"));
        String[] parts = cut.split(", ");
        assertThat(parts).hasSize(3);
        assertThat(parts[0]).hasSize(40).endsWith("…");
        assertThat(parts[1]).isEqualTo("7");
        assertThat(parts[2]).hasSize(40).startsWith("Charge[account=ddd").endsWith("…");
    }
}
