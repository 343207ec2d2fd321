package dev.cascade.junit;

import dev.cascade.junit.property.RegressionsProvider;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Replays every plan file ({@code *.json}, {@code cascade-plan/1}) of a folder through the
 * annotated method, each as its own test named after its file: a failure a property found becomes
 * a permanent regression by copying its plan file from {@code target/cascade/failures/} into the
 * folder. The method takes the {@link FaultPlan} and checks it as the property did.
 *
 * <pre>{@code
 * @CascadeRegressions("src/test/cascade/regressions")
 * void gatewayRegressions(FaultPlan plan) {
 *     Cascade.check(payments(), plan, CascadeSpec.isolation("root/gateway", "root/ledger"));
 * }
 * }</pre>
 *
 * <p>Limitations: the folder is resolved against the working directory (the module's folder under
 * Maven); an empty folder runs no test, a missing one fails with the path it looked for; a file
 * that cannot be read fails its own test with the location of the error ({@code faults[2].kind}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith(RegressionsProvider.class)
public @interface CascadeRegressions {
    /** The folder of plan files, e.g. {@code src/test/cascade/regressions}. */
    String value();
}
