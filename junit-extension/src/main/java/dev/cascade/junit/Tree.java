package dev.cascade.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names a supervision tree for a {@link CascadeTest}. On a static method or field of the test class (or an
 * enclosing class) of type {@code SupervisorSpec}, it declares a tree, named by {@link #value()} or else by the
 * member's name. On a {@code ChaosTree}, {@code Trace} or {@code FaultLedger} parameter, it says which tree: the
 * extension starts that tree for the test (once per test, however many parameters name it) and closes it after.
 *
 * <pre>{@code
 * @Tree static SupervisorSpec payments() { ... }              // the tree "payments"
 * @Tree("cache") static final SupervisorSpec CACHE = ...;     // the tree "cache"
 *
 * @Test void test(@Tree("payments") ChaosTree tree) { ... }
 * }</pre>
 *
 * <p>A parameter without a name is allowed when the class declares exactly one tree. A {@code Trace} or
 * {@code FaultLedger} parameter is a snapshot taken when it is resolved: in an {@code @AfterEach} method it holds
 * everything the test did.
 */
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Tree {
    /** The tree's name; empty: the member's name (on a declaration) or the only tree (on a parameter). */
    String value() default "";
}
