package dev.migrate.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test class that needs a running PostgreSQL (usually through {@link TestDatabase}): it
 * carries the tag {@code postgres} for both JUnit Jupiter and jqwik.
 *
 * <p>The build runs such classes in the {@code integration-test} phase only: {@code mvn test} runs
 * the unit tests, which need no database, and {@code mvn verify} (or {@code scripts/test}) runs
 * both. A test class that creates a {@link TestDatabase} or opens a JDBC connection in any other
 * way must carry this annotation.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@org.junit.jupiter.api.Tag(PostgresTest.TAG)
@net.jqwik.api.Tag(PostgresTest.TAG)
public @interface PostgresTest {

  /**
   * The tag name, as Surefire's {@code groups} and {@code excludedGroups} in the parent POM spell
   * it.
   */
  String TAG = "postgres";
}
