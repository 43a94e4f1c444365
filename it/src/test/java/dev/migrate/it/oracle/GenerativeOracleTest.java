package dev.migrate.it.oracle;

import dev.migrate.it.harness.NamingOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * The generative differential oracle: jqwik makes batches of entity shapes ({@link EntityShapes}),
 * each batch is compiled with the processor and the snapshot's schema is compared with Hibernate's
 * own metadata for the same classes ({@link Differential}), for the Hibernate on the test class
 * path (6.6.33 in {@code it}, 7.2.19 in {@code it-hibernate7}) and a random naming.
 *
 * <p>A fixed seed; the number of batches is jqwik's {@code jqwik.tries.default} ({@code
 * junit-platform.properties}: 20 batches of 12 shapes; {@code -Poracle-long}: 400). A
 * counterexample becomes a named regression test in {@link OracleRegressionTest}. Shapes per second
 * are printed at the end (see {@code bench/oracle.md}).
 */
class GenerativeOracleTest {

  static final int SHAPES_PER_BATCH = 12;

  private static long shapes;
  private static long nanos;

  @Provide
  Arbitrary<List<EntityShapes.Shape>> batches() {
    List<Arbitrary<EntityShapes.Shape>> each = new java.util.ArrayList<>();
    for (int i = 0; i < SHAPES_PER_BATCH; i++) {
      each.add(EntityShapes.shapes(i));
    }
    return net.jqwik.api.Combinators.combine(each).as(List::copyOf);
  }

  @Provide
  Arbitrary<NamingOption> namings() {
    return Arbitraries.of(NamingOption.values());
  }

  @Property(seed = "20261201", shrinking = net.jqwik.api.ShrinkingMode.BOUNDED)
  void migrateDescribesHibernatesSchema(
      @ForAll("batches") List<EntityShapes.Shape> batch, @ForAll("namings") NamingOption naming)
      throws Exception {
    long start = System.nanoTime();
    Path work = Files.createTempDirectory("oracle");
    try {
      Map<String, String> sources = new LinkedHashMap<>();
      batch.forEach(s -> sources.putAll(s.sources()));
      Differential.run(sources, naming, work)
          .assertSame(
              "Hibernate "
                  + NamingOption.hibernate()
                  + ", naming "
                  + naming
                  + "\n"
                  + batch.stream()
                      .map(s -> s.summary() + "\n" + String.join("\n", s.sources().values()))
                      .collect(Collectors.joining("\n")));
    } finally {
      try (var files = Files.walk(work)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    shapes += batch.size();
    nanos += System.nanoTime() - start;
  }

  @Provide
  Arbitrary<List<EntityShapes.Shape>> oneToManyBatches() {
    List<Arbitrary<EntityShapes.Shape>> each = new java.util.ArrayList<>();
    for (int i = 0; i < SHAPES_PER_BATCH; i++) {
      each.add(EntityShapes.oneToManyJoinColumns(i));
    }
    return net.jqwik.api.Combinators.combine(each).as(List::copyOf);
  }

  /**
   * The columns {@code @OneToMany} collections add to their child's table ({@link
   * EntityShapes#oneToManyJoinColumns}): their order follows Hibernate's second passes.
   */
  @Property(seed = "20261206", tries = 10, shrinking = net.jqwik.api.ShrinkingMode.BOUNDED)
  void migrateOrdersOneToManyColumnsAsHibernate(
      @ForAll("oneToManyBatches") List<EntityShapes.Shape> batch,
      @ForAll("namings") NamingOption naming)
      throws Exception {
    migrateDescribesHibernatesSchema(batch, naming);
  }

  @AfterContainer
  static void report() {
    if (shapes > 0) {
      System.out.printf(
          "Generative oracle, Hibernate %s: %d shapes in %.1f s, %.1f shapes/s%n",
          NamingOption.hibernate(), shapes, nanos / 1e9, shapes / (nanos / 1e9));
    }
  }
}
