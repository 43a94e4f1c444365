package dev.migrate.testing;

import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A test class whose every test gets a fresh, empty database of its own: {@link #db} is created
 * before each test (before the subclass's own {@code @BeforeEach} methods) and dropped after it.
 * The subclass still carries {@link PostgresTest}.
 */
public abstract class PerTestDatabase {

  /** This test's database. */
  protected TestDatabase db;

  @BeforeEach
  final void createDatabase() throws SQLException {
    db = TestDatabase.create();
  }

  @AfterEach
  final void dropDatabase() throws SQLException {
    db.close();
  }
}
