/**
 * The CI gate: the Maven goals {@code cascade:check} and {@code cascade:baseline}, and {@link dev.cascade.gate.Rule},
 * the JaCoCo-style rule a project configures them with.
 *
 * <pre>{@code
 * <plugin>
 *   <groupId>dev.cascade</groupId>
 *   <artifactId>cascade-maven-plugin</artifactId>
 *   <executions><execution><goals><goal>check</goal></goals></execution></executions>
 * </plugin>
 * }</pre>
 */
package dev.cascade.gate;
