package dev.migrate.roundtrip;

import static dev.migrate.roundtrip.SchemaHarness.DIFF;
import static dev.migrate.roundtrip.SchemaHarness.assertSameSchema;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.Migrate;
import dev.migrate.codegen.MigrationSpec;
import dev.migrate.codegen.MigrationWriter;
import dev.migrate.codegen.RevisionNames;
import dev.migrate.model.Database;
import dev.migrate.ops.Op;
import dev.migrate.testing.PostgresTest;
import dev.migrate.testing.TestDatabase;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import net.jqwik.api.statistics.Statistics;

/**
 * The round-trip property of issue 4 on a real PostgreSQL: for a random model A and a random edit
 * of it to model B,
 *
 * <ol>
 *   <li>upgrading an empty schema with {@code diff(empty, A)} gives a schema that reads back as A,
 *       and autogenerate against it finds nothing;
 *   <li>upgrading it with {@code diff(A as read, B)} gives a schema that reads back as B, and
 *       autogenerate against it finds nothing;
 *   <li>the downgrade, {@link Op#reverseAll} of those ops, gives back exactly the schema A was.
 * </ol>
 *
 * <p>{@link #upgradeAndDowngradeThroughTheDialect} executes the ops through the dialect directly;
 * {@link #upgradeAndDowngradeThroughGeneratedMigrations} renders them as migration classes,
 * compiles them and runs them with the {@link Migrate} facade, as a user's build does. One database
 * for the whole run and a fresh schema per try. Tables stay empty: no edit needs data to be valid.
 *
 * <p>Tries: {@code -Droundtrip.tries=N} (the {@code property-long} profile runs 2,000), seed {@code
 * -Droundtrip.seed=N} to replay a run; generator switches in {@link Shapes}.
 */
@PostgresTest
@AddLifecycleHook(
    value = SchemaRoundTripPropertyTest.TriesFromSystemProperties.class,
    propagateTo = PropagationMode.ALL_DESCENDANTS)
class SchemaRoundTripPropertyTest {

  /**
   * Tries of the dialect property when {@code roundtrip.tries} is not set: about 30 s on the 2-core
   * CI machine.
   */
  static final int DEFAULT_TRIES = 150;

  private static TestDatabase db;
  private static SchemaHarness harness;

  @BeforeContainer
  static void createDatabase() throws SQLException {
    db = TestDatabase.create();
    harness = new SchemaHarness(db.connect());
    System.out.println("round trip generator shapes: " + Shapes.describe());
  }

  @AfterContainer
  static void dropDatabase() throws SQLException {
    if (harness != null) {
      harness.close();
    }
    if (db != null) {
      db.close();
    }
  }

  @Provide
  Arbitrary<Scenario> scenarios() {
    return Scenario.scenarios();
  }

  @Property(shrinking = ShrinkingMode.FULL)
  void upgradeAndDowngradeThroughTheDialect(@ForAll("scenarios") Scenario scenario)
      throws SQLException {
    String schema = harness.freshSchema("rt");
    try {
      List<Op> create = DIFF.diff(Database.empty(), scenario.a);
      harness.execute("upgrade empty -> A", create);
      Database readA = harness.introspect(schema);
      harness.assertSameSchema("after upgrade empty -> A", schema, readA, scenario.a, false);

      List<Op> upgrade = DIFF.diff(readA, harness.aligned(schema, readA, scenario.b));
      collect(upgrade);
      harness.execute("upgrade A -> B", upgrade);
      Database readB = harness.introspect(schema);
      harness.assertSameSchema("after upgrade A -> B", schema, readB, scenario.b, true);

      harness.execute("downgrade B -> A", Op.reverseAll(upgrade));
      Database readA2 = harness.introspect(schema);
      harness.assertSameSchema("after downgrade B -> A", schema, readA2, scenario.a, true);
      // and as the schema read before the upgrade, compared the same way (not as raw catalog text:
      // a check that
      // ALTER TABLE re-adds can deparse differently from the same check in CREATE TABLE)
      assertSameSchema("after downgrade B -> A, against A as read before", readA2, readA, true);
    } finally {
      harness.dropSchema(schema);
    }
  }

  /** Fewer tries: each compiles two migration classes (about 0.5 s). */
  @Property(tries = 15, shrinking = ShrinkingMode.FULL)
  void upgradeAndDowngradeThroughGeneratedMigrations(@ForAll("scenarios") Scenario scenario)
      throws Exception {
    String schema = harness.freshSchema("rtm");
    harness.dropSchema(schema); // the runner creates it, as for a first upgrade
    try {
      String first = RevisionNames.newRevisionId();
      MigrationSpec createA =
          MigrationSpec.autogen(
              "rt.gen",
              "R1_CreateA",
              first,
              List.of(),
              "create A",
              DIFF.diff(Database.empty(), scenario.a),
              List.of());
      Class<?> classA = compileAll(createA).get(0);
      migrate(schema, List.of(classA)).upgrade("head");
      Database readA = harness.introspect(schema);
      harness.assertSameSchema(
          "after upgrade base -> A (generated class)", schema, readA, scenario.a, false);

      List<Op> upgrade = DIFF.diff(readA, harness.aligned(schema, readA, scenario.b));
      MigrationSpec aToB =
          MigrationSpec.autogen(
              "rt.gen",
              "R2_AToB",
              RevisionNames.newRevisionId(),
              List.of(first),
              "A to B",
              upgrade,
              List.of());
      List<Class<?>> both = compileAll(createA, aToB);
      Migrate migrate = migrate(schema, both);
      migrate.upgrade("head");
      harness.assertSameSchema(
          "after upgrade A -> B (generated class)",
          schema,
          harness.introspect(schema),
          scenario.b,
          true);

      migrate.downgrade("-1");
      Database readA2 = harness.introspect(schema);
      harness.assertSameSchema(
          "after downgrade B -> A (generated class)", schema, readA2, scenario.a, true);
      // and as the schema read before the upgrade, compared the same way (not as raw catalog text:
      // a check that
      // ALTER TABLE re-adds can deparse differently from the same check in CREATE TABLE)
      assertSameSchema(
          "after downgrade B -> A (generated class), against A as read before",
          readA2,
          readA,
          true);

      migrate.downgrade("base");
      assertThat(harness.introspect(schema))
          .as("after downgrade to base")
          .isEqualTo(Database.empty());
    } finally {
      harness.dropSchema(schema);
    }
  }

  private static List<Class<?>> compileAll(MigrationSpec... specs) throws Exception {
    Map<String, String> sources = new LinkedHashMap<>();
    for (MigrationSpec spec : specs) {
      sources.put(spec.packageName() + "." + spec.className(), new MigrationWriter().render(spec));
    }
    return InMemoryCompiler.compile(sources);
  }

  private static Migrate migrate(String schema, List<Class<?>> migrations) {
    return db.configure()
        .schema(schema)
        .migrations(migrations)
        .lockTimeout(Duration.ofSeconds(10))
        .load();
  }

  /** Coverage report: which op kinds the A → B diffs contained. */
  private static void collect(List<Op> ops) {
    for (Op op : ops) {
      Statistics.label("op kinds in A -> B").collect(op.getClass().getSimpleName());
    }
    Statistics.label("ops in A -> B")
        .collect(ops.size() == 0 ? "0" : ops.size() < 4 ? "1-3" : "4+");
  }

  /**
   * Reads {@code roundtrip.tries} (tries of every property here; default {@link #DEFAULT_TRIES} for
   * the dialect property and the annotation's number for the others) and {@code roundtrip.seed}.
   */
  static final class TriesFromSystemProperties implements AroundPropertyHook {

    @Override
    public PropertyExecutionResult aroundProperty(
        PropertyLifecycleContext context, PropertyExecutor property) {
      Optional<Integer> tries =
          Optional.ofNullable(System.getProperty("roundtrip.tries"))
              .filter(s -> !s.isBlank())
              .map(Integer::valueOf);
      if (tries.isPresent()) {
        boolean compiles = context.attributes().tries().isPresent();
        // the compiling property keeps its ratio of about 1 in 10
        context.attributes().setTries(compiles ? Math.max(1, tries.get() / 10) : tries.get());
      } else if (context.attributes().tries().isEmpty()) {
        context.attributes().setTries(DEFAULT_TRIES);
      }
      Optional.ofNullable(System.getProperty("roundtrip.seed"))
          .filter(s -> !s.isBlank())
          .ifPresent(seed -> context.attributes().setSeed(seed));
      return property.execute();
    }

    @Override
    public int aroundPropertyProximity() {
      return -100;
    }
  }
}
