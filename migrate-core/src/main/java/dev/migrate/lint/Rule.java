package dev.migrate.lint;

import static dev.migrate.lint.Hazard.BREAKS_RUNNING_APP;
import static dev.migrate.lint.Hazard.DATA_LOSS;
import static dev.migrate.lint.Hazard.LOCK;
import static dev.migrate.lint.Hazard.SCAN_UNDER_LOCK;
import static dev.migrate.lint.Hazard.TABLE_REWRITE;
import static dev.migrate.lint.Hazard.UNCHECKED;

import java.util.List;
import java.util.Optional;

/**
 * The safety lint's rules: each names a schema change that hurts a table that already holds rows
 * while the application runs, its hazards, the lock it takes, the safe form, and where the rule
 * comes from. Ids follow squawk's where squawk has the rule. Hazards apply only to tables that
 * exist before the revision: a table created in the same revision has no rows.
 *
 * <p>Sources: PostgreSQL 15 docs (SQL Commands: ALTER TABLE, CREATE INDEX, DROP INDEX, ALTER TYPE;
 * 13.3 Explicit Locking), squawk's rules (squawkhq.com/docs/rules), strong_migrations' checks
 * (github.com/ankane/strong_migrations, "Checks") and Stripe's pg-schema-diff (its hazard types:
 * INDEX_BUILD, ACQUIRES_ACCESS_EXCLUSIVE_LOCK, DELETES_DATA, IMPACTS_DATABASE_PERFORMANCE).
 */
public enum Rule {
  REQUIRE_CONCURRENT_INDEX_CREATION(
      "require-concurrent-index-creation",
      List.of(LOCK),
      LockLevel.SHARE,
      Severity.ERROR,
      "CREATE INDEX CONCURRENTLY, outside a transaction (SHARE UPDATE EXCLUSIVE)",
      "PostgreSQL docs, CREATE INDEX: Building Indexes Concurrently; squawk"
          + " require-concurrent-index-creation; strong_migrations \"Adding an index"
          + " non-concurrently\"; pg-schema-diff INDEX_BUILD"),
  REQUIRE_CONCURRENT_INDEX_DELETION(
      "require-concurrent-index-deletion",
      List.of(LOCK),
      LockLevel.ACCESS_EXCLUSIVE,
      Severity.WARNING,
      "DROP INDEX CONCURRENTLY, outside a transaction",
      "PostgreSQL docs, DROP INDEX; squawk require-concurrent-index-deletion"),
  ADDING_FOREIGN_KEY_CONSTRAINT(
      "adding-foreign-key-constraint",
      List.of(SCAN_UNDER_LOCK),
      LockLevel.SHARE_ROW_EXCLUSIVE,
      Severity.ERROR,
      "ADD CONSTRAINT ... NOT VALID, then VALIDATE CONSTRAINT in its own transaction"
          + " (SHARE UPDATE EXCLUSIVE)",
      "PostgreSQL docs, ALTER TABLE: ADD table_constraint [NOT VALID], VALIDATE CONSTRAINT;"
          + " squawk adding-foreign-key-constraint; strong_migrations \"Adding a foreign key\""),
  ADDING_CHECK_CONSTRAINT(
      "adding-check-constraint",
      List.of(SCAN_UNDER_LOCK),
      LockLevel.ACCESS_EXCLUSIVE,
      Severity.ERROR,
      "ADD CONSTRAINT ... CHECK (...) NOT VALID, then VALIDATE CONSTRAINT in its own transaction"
          + " (SHARE UPDATE EXCLUSIVE)",
      "PostgreSQL docs, ALTER TABLE: ADD table_constraint [NOT VALID]; squawk"
          + " constraint-missing-not-valid; strong_migrations \"Adding a check constraint\""),
  ADDING_NOT_NULLABLE_FIELD(
      "adding-not-nullable-field",
      List.of(SCAN_UNDER_LOCK),
      LockLevel.ACCESS_EXCLUSIVE,
      Severity.ERROR,
      "ADD CONSTRAINT c CHECK (col IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT c, SET NOT NULL"
          + " (no scan on PostgreSQL 12+), DROP CONSTRAINT c; each committed on its own",
      "PostgreSQL docs, ALTER TABLE: SET NOT NULL; squawk adding-not-nullable-field;"
          + " strong_migrations \"Setting NOT NULL on an existing column\"; pg-schema-diff"),
  ADDING_REQUIRED_FIELD(
      "adding-required-field",
      List.of(BREAKS_RUNNING_APP),
      LockLevel.ACCESS_EXCLUSIVE,
      Severity.WARNING,
      "add the column with a default (or nullable), backfill, then set NOT NULL",
      "PostgreSQL docs, ALTER TABLE: ADD COLUMN (fails on a table with rows without a default);"
          + " squawk adding-required-field"),
  ADDING_FIELD_WITH_VOLATILE_DEFAULT(
      "adding-field-with-default",
      List.of(TABLE_REWRITE),
      LockLevel.ACCESS_EXCLUSIVE,
      Severity.ERROR,
      "add the column without a default, set the default, backfill existing rows in batches",
      "PostgreSQL docs, ALTER TABLE: ADD COLUMN with a volatile DEFAULT rewrites the table; squawk"
          + " adding-field-with-default; strong_migrations \"Adding a column with a volatile"
          + " default value\""),
  CHANGING_COLUMN_TYPE(
      "changing-column-type",
      List.of(TABLE_REWRITE),
      LockLevel.ACCESS_EXCLUSIVE,
      Severity.ERROR,
      "add a column of the new type, backfill it in batches, switch the application, drop the"
          + " old column",
      "PostgreSQL docs, ALTER TABLE: SET DATA TYPE (a rewrite unless the old type is binary"
          + " coercible to the new one); squawk changing-column-type; strong_migrations"
          + " \"Changing the type of a column\""),
  NARROWING_COLUMN_TYPE(
      "narrowing-column-type",
      List.of(DATA_LOSS),
      LockLevel.ACCESS_EXCLUSIVE,
      Severity.WARNING,
      "none: values that do not fit make the change fail or lose digits; check them first",
      "PostgreSQL docs, 8.1 Numeric Types, 8.3 Character Types; Migrate's PostgresCasts"),
  ADDING_PRIMARY_KEY_CONSTRAINT(
      "adding-primary-key-constraint",
      List.of(LOCK),
      LockLevel.ACCESS_EXCLUSIVE,
      Severity.ERROR,
      "CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT ... PRIMARY KEY USING INDEX",
      "PostgreSQL docs, ALTER TABLE: ADD table_constraint_using_index; squawk"
          + " adding-serial-primary-key-field; strong_migrations \"Adding a primary key\""),
  DISALLOWED_UNIQUE_CONSTRAINT(
      "disallowed-unique-constraint",
      List.of(LOCK),
      LockLevel.ACCESS_EXCLUSIVE,
      Severity.ERROR,
      "CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT ... UNIQUE USING INDEX",
      "PostgreSQL docs, ALTER TABLE: ADD table_constraint_using_index; squawk"
          + " disallowed-unique-constraint"),
  REMOVING_ENUM_VALUE(
      "removing-enum-value",
      List.of(TABLE_REWRITE),
      LockLevel.ACCESS_EXCLUSIVE,
      Severity.ERROR,
      "none: keep the value and stop using it",
      "PostgreSQL docs, ALTER TYPE (no DROP VALUE: the type is re-created and every column of"
          + " it rewritten)"),
  BAN_DROP_COLUMN(
      "ban-drop-column",
      List.of(DATA_LOSS, BREAKS_RUNNING_APP),
      LockLevel.ACCESS_EXCLUSIVE,
      Severity.WARNING,
      "deploy an application that no longer reads the column first (JPA: remove the field),"
          + " then drop it",
      "squawk ban-drop-column; strong_migrations \"Removing a column\""),
  BAN_DROP_TABLE(
      "ban-drop-table",
      List.of(DATA_LOSS, BREAKS_RUNNING_APP),
      LockLevel.ACCESS_EXCLUSIVE,
      Severity.WARNING,
      "deploy an application that no longer uses the table first, then drop it",
      "squawk ban-drop-table; strong_migrations \"Removing a table\""),
  RENAMING_COLUMN(
      "renaming-column",
      List.of(BREAKS_RUNNING_APP),
      LockLevel.ACCESS_EXCLUSIVE,
      Severity.WARNING,
      "add the new column, write both, backfill, read the new one, drop the old one",
      "squawk renaming-column; strong_migrations \"Renaming a column\""),
  RENAMING_TABLE(
      "renaming-table",
      List.of(BREAKS_RUNNING_APP),
      LockLevel.ACCESS_EXCLUSIVE,
      Severity.WARNING,
      "create the new table, write both, backfill, read the new one, drop the old one",
      "squawk renaming-table; strong_migrations \"Renaming a table\""),
  UNCHECKED_SQL(
      "unchecked-sql",
      List.of(UNCHECKED),
      null,
      Severity.INFO,
      "none: review the statement by hand",
      "Migrate: raw SQL it cannot read");

  private final String id;
  private final List<Hazard> hazards;
  private final LockLevel lock;
  private final Severity severity;
  private final String safeForm;
  private final String source;

  Rule(
      String id,
      List<Hazard> hazards,
      LockLevel lock,
      Severity severity,
      String safeForm,
      String source) {
    this.id = id;
    this.hazards = hazards;
    this.lock = lock;
    this.severity = severity;
    this.safeForm = safeForm;
    this.source = source;
  }

  /** The rule's id, for example {@code require-concurrent-index-creation}. */
  public String id() {
    return id;
  }

  /** What the plain form does, for example {@code [SCAN_UNDER_LOCK]}. */
  public List<Hazard> hazards() {
    return hazards;
  }

  /** The table lock the plain form takes; empty for raw SQL Migrate could not read. */
  public Optional<LockLevel> lock() {
    return Optional.ofNullable(lock);
  }

  /** The severity of the plain form. */
  public Severity severity() {
    return severity;
  }

  /** The safe form, in words; starts with {@code "none"} when there is none. */
  public String safeForm() {
    return safeForm;
  }

  /** Where the rule comes from: PostgreSQL docs, squawk, strong_migrations, pg-schema-diff. */
  public String source() {
    return source;
  }

  /**
   * The rule with {@code id}, or empty.
   *
   * @param id for example {@code ban-drop-column}
   */
  public static Optional<Rule> byId(String id) {
    for (Rule rule : values()) {
      if (rule.id.equals(id)) {
        return Optional.of(rule);
      }
    }
    return Optional.empty();
  }
}
