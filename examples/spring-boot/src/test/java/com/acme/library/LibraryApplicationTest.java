package com.acme.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.spring.MigrateInitializer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Boots the application on a fresh PostgreSQL database (127.0.0.1:5432, user postgres, or
 * LIBRARY_TEST_URL): Migrate upgrades it before JPA starts, Hibernate validates the schema ({@code
 * ddl-auto=validate}), and the catalogue serves a row.
 */
@SpringBootTest
class LibraryApplicationTest {

  private static final String SERVER =
      System.getenv().getOrDefault("LIBRARY_TEST_URL", "jdbc:postgresql://127.0.0.1:5432/");
  private static final String USER = "postgres";
  private static final String PASSWORD = System.getenv().getOrDefault("PGPASSWORD", "postgres");
  private static final String DATABASE =
      "library_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

  @DynamicPropertySource
  static void freshDatabase(DynamicPropertyRegistry registry) throws SQLException {
    admin("CREATE DATABASE " + DATABASE);
    registry.add("spring.datasource.url", () -> SERVER + DATABASE);
    registry.add("spring.datasource.username", () -> USER);
    registry.add("spring.datasource.password", () -> PASSWORD);
  }

  @AfterAll
  static void dropDatabase() throws SQLException {
    admin("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
  }

  private static void admin(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD)) {
      c.createStatement().execute(sql);
    }
  }

  @Autowired MigrateInitializer migrate;
  @Autowired JdbcTemplate jdbc;
  @Autowired Catalogue catalogue;

  @Test
  void startsOnAFreshDatabaseAndServesARow() {
    assertThat(migrate.upgrade().single().from()).isNull();
    assertThat(migrate.upgrade().single().to()).isEqualTo("b6e4782344bb");

    jdbc.update(
        "INSERT INTO book (title, author_name, published_on) VALUES (?, ?, ?)",
        "The Left Hand of Darkness",
        "Ursula K. Le Guin",
        LocalDate.of(1969, 3, 1));

    assertThat(catalogue.booksBy("Ursula K. Le Guin"))
        .singleElement()
        .satisfies(
            book -> {
              assertThat(book.getTitle()).isEqualTo("The Left Hand of Darkness");
              assertThat(book.getPublishedOn()).isEqualTo(LocalDate.of(1969, 3, 1));
            });
    assertThat(jdbc.queryForObject("SELECT count(*) FROM migrate_version", Integer.class))
        .isEqualTo(1);
  }

}
