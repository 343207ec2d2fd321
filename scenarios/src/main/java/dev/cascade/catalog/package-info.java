/**
 * The catalog: the well-known ways supervision trees fail, each a {@link dev.cascade.catalog.Catalog}
 * entry with its story ({@link dev.cascade.catalog.Entry}), a bad and a fixed tree
 * ({@link dev.cascade.catalog.Story}: a scenario file, or Java where the file format cannot say it),
 * the check that tells them apart ({@link dev.cascade.catalog.CatalogCheck}), and, where it can,
 * a probe of a user's own tree — a scenario file's, or a Java team's {@code SupervisorSpec}
 * ({@link dev.cascade.catalog.Catalog#probe(dev.cascade.supervisor.SupervisorSpec)}); plus static
 * checks that need no run ({@link dev.cascade.catalog.Lint}).
 *
 * <pre>{@code
 * Scenario mine = ScenarioReader.read(Path.of("payments.json"));
 * for (Catalog entry : Catalog.values()) {
 *     if (entry.probesFiles()) {
 *         entry.probe(mine).forEach(finding -> System.out.println(finding.text()));
 *     }
 * }
 * Catalog.INIT_TRAP.probe(PaymentsApp.supervisorSpec()).forEach(finding -> System.out.println(finding.text()));
 * Lint.check(mine).forEach(finding -> System.out.println(finding.text()));
 * }</pre>
 */
package dev.cascade.catalog;
