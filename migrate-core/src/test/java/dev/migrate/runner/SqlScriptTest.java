package dev.migrate.runner;

import static dev.migrate.runtime.Ddl.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.dialect.postgres.PostgresDialect;
import dev.migrate.runtime.Migration;
import dev.migrate.runtime.Operations;
import dev.migrate.runtime.Revision;
import dev.migrate.testing.CustomerMigrations;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Offline SQL: the exact script text, no database. */
public class SqlScriptTest {

  @Revision(id = "aaaaaaaaaaa1", message = "create customer")
  public static class CreateCustomer implements Migration {
    @Override
    public void upgrade(Operations op) {
      op.createTable(
          table("customer", column("id", bigint()).notNull(), primaryKey("customer_pkey", "id")));
    }

    @Override
    public void downgrade(Operations op) {
      op.dropTable(
          table("customer", column("id", bigint()).notNull(), primaryKey("customer_pkey", "id")));
    }
  }

  @Revision(id = "bbbbbbbbbbb2", revises = "aaaaaaaaaaa1", message = "add email")
  public static class AddEmail extends CustomerMigrations.AddEmail {}

  @Revision(id = "ccccccccccc3", revises = "aaaaaaaaaaa1", message = "add name")
  public static class AddName implements Migration {
    @Override
    public void upgrade(Operations op) {
      op.addColumn("customer", column("name", text()));
    }

    @Override
    public void downgrade(Operations op) {
      op.dropColumn("customer", column("name", text()));
    }
  }

  @Revision(
      id = "ddddddddddd4",
      revises = {"bbbbbbbbbbb2", "ccccccccccc3"},
      message = "merge")
  public static class Merge implements Migration {
    @Override
    public void upgrade(Operations op) {}

    @Override
    public void downgrade(Operations op) {}
  }

  private static final RevisionGraph GRAPH =
      RevisionGraph.of(
          List.of(
              RevisionInfo.of(CreateCustomer.class),
              RevisionInfo.of(AddEmail.class),
              RevisionInfo.of(AddName.class),
              RevisionInfo.of(Merge.class)));

  private static final String CHECKSUM_A = RevisionInfo.of(CreateCustomer.class).checksum();
  private static final String CHECKSUM_B = RevisionInfo.of(AddEmail.class).checksum();
  private static final String CHECKSUM_C = RevisionInfo.of(AddName.class).checksum();
  private static final String CHECKSUM_D = RevisionInfo.of(Merge.class).checksum();

  @Revision(id = "eeeeeeeeeee5", message = "glad")
  public static class AddGlad implements Migration {
    @Override
    public void upgrade(Operations op) {
      op.addEnumValueAfter("mood", "glad", "sad");
      op.alterColumn(
          "person",
          column("mood", type("mood")),
          column("mood", type("mood")).withDefault("'glad'"));
    }

    @Override
    public void downgrade(Operations op) {}
  }

  @Revision(id = "fffffffffff6", revises = "eeeeeeeeeee5", message = "index", transactional = false)
  public static class IndexConcurrently implements Migration {
    @Override
    public void upgrade(Operations op) {
      op.createIndex("person", index("person_mood_idx", "mood"), concurrently());
    }

    @Override
    public void downgrade(Operations op) {}
  }

  /**
   * New enum values a revision uses, and a non-transactional revision's statements, come before its
   * BEGIN.
   */
  @Test
  void statementsThatCannotRunInTheRevisionsTransactionComeBeforeIt() {
    var graph =
        RevisionGraph.of(
            List.of(RevisionInfo.of(AddGlad.class), RevisionInfo.of(IndexConcurrently.class)));
    String script =
        new SqlScript(new PostgresDialect(), graph, "shop")
            .render(List.of(), "head", Direction.UPGRADE);
    assertThat(script.substring(script.indexOf("-- Running upgrade <base> -> eeeeeeeeeee5")))
        .isEqualTo(
            """
        -- Running upgrade <base> -> eeeeeeeeeee5, glad

        -- New enum values first: PostgreSQL cannot use one before its transaction commits

        ALTER TYPE mood ADD VALUE IF NOT EXISTS 'glad' AFTER 'sad';

        BEGIN;

        ALTER TABLE person ALTER COLUMN mood SET DEFAULT 'glad';

        INSERT INTO migrate_version (version_num) VALUES ('eeeeeeeeeee5');

        INSERT INTO migrate_history (revision, direction, checksum, duration_ms, success) VALUES ('eeeeeeeeeee5', 'upgrade', '%s', 0, true);

        COMMIT;

        -- Running upgrade eeeeeeeeeee5 -> fffffffffff6, index

        -- transactional = false: each statement runs on its own

        CREATE INDEX CONCURRENTLY person_mood_idx ON person (mood);

        BEGIN;

        UPDATE migrate_version SET version_num = 'fffffffffff6' WHERE migrate_version.version_num = 'eeeeeeeeeee5';

        INSERT INTO migrate_history (revision, direction, checksum, duration_ms, success) VALUES ('fffffffffff6', 'upgrade', '%s', 0, true);

        COMMIT;

        """
                .formatted(
                    RevisionInfo.of(AddGlad.class).checksum(),
                    RevisionInfo.of(IndexConcurrently.class).checksum()));
  }

  private static String script(List<String> from, String target, Direction direction) {
    return new SqlScript(new PostgresDialect(), GRAPH, "shop").render(from, target, direction);
  }

  @Test
  void upgradeFromBaseCreatesTheSchemaAndVersionTablesAndRunsEachRevisionInItsOwnTransaction() {
    assertThat(script(List.of(), "bbbbbbbbbbb2", Direction.UPGRADE))
        .isEqualTo(
            """
        -- Migrate offline SQL: upgrade <base> -> bbbbbbbbbbb2 in schema shop
        -- Review it, then run it with: psql -v ON_ERROR_STOP=1 -f <file>

        CREATE SCHEMA IF NOT EXISTS shop;

        SET search_path TO shop;

        CREATE TABLE IF NOT EXISTS migrate_version (
            version_num varchar(32) NOT NULL,
            CONSTRAINT migrate_version_pkc PRIMARY KEY (version_num)
        );

        CREATE TABLE IF NOT EXISTS migrate_history (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            revision varchar(32) NOT NULL,
            direction varchar(10) NOT NULL,
            checksum varchar(64),
            applied_at timestamptz NOT NULL DEFAULT now(),
            applied_by text NOT NULL DEFAULT current_user,
            duration_ms bigint NOT NULL,
            success boolean NOT NULL,
            ops text
        );

        -- Running upgrade <base> -> aaaaaaaaaaa1, create customer

        BEGIN;

        CREATE TABLE customer (
            id bigint NOT NULL,
            CONSTRAINT customer_pkey PRIMARY KEY (id)
        );

        INSERT INTO migrate_version (version_num) VALUES ('aaaaaaaaaaa1');

        INSERT INTO migrate_history (revision, direction, checksum, duration_ms, success) VALUES ('aaaaaaaaaaa1', 'upgrade', '%s', 0, true);

        COMMIT;

        -- Running upgrade aaaaaaaaaaa1 -> bbbbbbbbbbb2, add email

        BEGIN;

        ALTER TABLE customer ADD COLUMN email varchar(255);

        UPDATE migrate_version SET version_num = 'bbbbbbbbbbb2' WHERE migrate_version.version_num = 'aaaaaaaaaaa1';

        INSERT INTO migrate_history (revision, direction, checksum, duration_ms, success) VALUES ('bbbbbbbbbbb2', 'upgrade', '%s', 0, true);

        COMMIT;

        """
                .formatted(CHECKSUM_A, CHECKSUM_B));
  }

  @Test
  void aBranchAddsAVersionRowAndTheMergeCollapsesThem() {
    assertThat(script(List.of("bbbbbbbbbbb2"), "heads", Direction.UPGRADE))
        .isEqualTo(
            """
        -- Migrate offline SQL: upgrade bbbbbbbbbbb2 -> ddddddddddd4 in schema shop
        -- Review it, then run it with: psql -v ON_ERROR_STOP=1 -f <file>

        SET search_path TO shop;

        -- Running upgrade aaaaaaaaaaa1 -> ccccccccccc3, add name

        BEGIN;

        ALTER TABLE customer ADD COLUMN name text;

        INSERT INTO migrate_version (version_num) VALUES ('ccccccccccc3');

        INSERT INTO migrate_history (revision, direction, checksum, duration_ms, success) VALUES ('ccccccccccc3', 'upgrade', '%s', 0, true);

        COMMIT;

        -- Running upgrade bbbbbbbbbbb2, ccccccccccc3 -> ddddddddddd4, merge

        BEGIN;

        DELETE FROM migrate_version WHERE migrate_version.version_num = 'ccccccccccc3';

        UPDATE migrate_version SET version_num = 'ddddddddddd4' WHERE migrate_version.version_num = 'bbbbbbbbbbb2';

        INSERT INTO migrate_history (revision, direction, checksum, duration_ms, success) VALUES ('ddddddddddd4', 'upgrade', '%s', 0, true);

        COMMIT;

        """
                .formatted(CHECKSUM_C, CHECKSUM_D));
  }

  @Test
  void downgradingAMergePointRestoresBothRowsAndBaseDeletesTheLast() {
    assertThat(script(List.of("ddddddddddd4"), "aaaaaaaaaaa1", Direction.DOWNGRADE))
        .isEqualTo(
            """
        -- Migrate offline SQL: downgrade ddddddddddd4 -> aaaaaaaaaaa1 in schema shop
        -- Review it, then run it with: psql -v ON_ERROR_STOP=1 -f <file>

        SET search_path TO shop;

        -- Running downgrade ddddddddddd4 -> bbbbbbbbbbb2, ccccccccccc3, merge

        BEGIN;

        UPDATE migrate_version SET version_num = 'bbbbbbbbbbb2' WHERE migrate_version.version_num = 'ddddddddddd4';

        INSERT INTO migrate_version (version_num) VALUES ('ccccccccccc3');

        INSERT INTO migrate_history (revision, direction, checksum, duration_ms, success) VALUES ('ddddddddddd4', 'downgrade', '%s', 0, true);

        COMMIT;

        -- Running downgrade ccccccccccc3 -> aaaaaaaaaaa1, add name

        BEGIN;

        ALTER TABLE customer DROP COLUMN name;

        DELETE FROM migrate_version WHERE migrate_version.version_num = 'ccccccccccc3';

        INSERT INTO migrate_history (revision, direction, checksum, duration_ms, success) VALUES ('ccccccccccc3', 'downgrade', '%s', 0, true);

        COMMIT;

        -- Running downgrade bbbbbbbbbbb2 -> aaaaaaaaaaa1, add email

        BEGIN;

        ALTER TABLE customer DROP COLUMN email;

        UPDATE migrate_version SET version_num = 'aaaaaaaaaaa1' WHERE migrate_version.version_num = 'bbbbbbbbbbb2';

        INSERT INTO migrate_history (revision, direction, checksum, duration_ms, success) VALUES ('bbbbbbbbbbb2', 'downgrade', '%s', 0, true);

        COMMIT;

        """
                .formatted(CHECKSUM_D, CHECKSUM_C, CHECKSUM_B));
  }

  @Test
  void saysWhenThereIsNothingToDoAndRefusesBackwardRanges() {
    assertThat(script(List.of("ddddddddddd4"), "head", Direction.UPGRADE))
        .isEqualTo(
            """
        -- Migrate offline SQL: upgrade ddddddddddd4 -> ddddddddddd4 in schema shop
        -- Review it, then run it with: psql -v ON_ERROR_STOP=1 -f <file>

        SET search_path TO shop;

        -- Nothing to upgrade: the database is at ddddddddddd4.
        """);
    assertThatThrownBy(() -> script(List.of("ddddddddddd4"), "aaaa", Direction.UPGRADE))
        .hasMessageStartingWith(
            "Target 'aaaa' (aaaaaaaaaaa1) is behind the current revision ddddddddddd4.");
  }
}
