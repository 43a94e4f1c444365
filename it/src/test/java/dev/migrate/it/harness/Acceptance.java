package dev.migrate.it.harness;

import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.util.List;

/** The acceptance checks of issue 3, each failing with a message that says what differs. */
public final class Acceptance {

  private Acceptance() {}

  /**
   * Asserts that the normalized {@code pg_dump --schema-only} of {@code actual} equals that of
   * {@code expected} ({@link DumpNormalizer}: constraint and index names and column order ignored);
   * on a mismatch the message is a unified diff from the expected dump to the actual one.
   */
  public static void assertSameSchema(
      FreshDatabase expected, String expectedLabel, FreshDatabase actual, String actualLabel)
      throws Exception {
    String diff = schemaDiff(expected, expectedLabel, actual, actualLabel, 3);
    if (!diff.isEmpty()) {
      fail(
          "the schemas differ (normalized pg_dump --schema-only, - "
              + expectedLabel
              + ", + "
              + actualLabel
              + "):\n"
              + diff);
    }
  }

  /** The unified diff of the two normalized dumps, empty when they are equal. */
  public static String schemaDiff(
      FreshDatabase expected,
      String expectedLabel,
      FreshDatabase actual,
      String actualLabel,
      int context)
      throws Exception {
    List<String> a = DumpNormalizer.normalize(SchemaDump.of(expected));
    List<String> b = DumpNormalizer.normalize(SchemaDump.of(actual));
    return LineDiff.unified(
        expectedLabel + " (" + expected + ")", a, actualLabel + " (" + actual + ")", b, context);
  }

  /**
   * The statements of Hibernate's migrator for {@code database} that {@link UpdateScript} does not
   * explain by a name-only difference.
   */
  public static List<String> unexplainedUpdates(HibernateOracle hibernate, FreshDatabase database)
      throws Exception {
    List<String> script = hibernate.updateScript(database);
    try (Connection c = database.connect()) {
      return UpdateScript.unexplained(script, UpdateScript.Catalog.read(c));
    }
  }

  /**
   * Asserts that Hibernate's migrator wants nothing beyond name-only differences (see {@link
   * UpdateScript}).
   */
  public static void assertNothingToUpdate(HibernateOracle hibernate, FreshDatabase database)
      throws Exception {
    List<String> left = unexplainedUpdates(hibernate, database);
    if (!left.isEmpty()) {
      fail(
          "Hibernate's schema migrator (hbm2ddl update, script mode) wants to run on "
              + database
              + ":\n  "
              + String.join(";\n  ", left)
              + ";");
    }
  }
}
