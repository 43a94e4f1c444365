package dev.migrate;

import dev.migrate.codegen.MigrationSpec;
import dev.migrate.codegen.OpDescriptions;
import dev.migrate.codegen.RevisionNames;
import dev.migrate.dialect.VersionStore;
import dev.migrate.diff.ChainObjects;
import dev.migrate.diff.DiffOptions;
import dev.migrate.diff.DiffResult;
import dev.migrate.diff.MemberNames;
import dev.migrate.diff.SchemaDiff;
import dev.migrate.lint.SafeForms;
import dev.migrate.model.Database;
import dev.migrate.ops.Op;
import dev.migrate.runner.RevisionInfo;
import dev.migrate.runtime.Operations;
import dev.migrate.snapshot.Snapshot;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The command behind {@link Migrate#autogenerate} (Alembic's {@code revision --autogenerate}):
 * reads the facade's schema, which must be at head, compares it with the model, and writes the ops
 * as a migration class.
 */
final class Autogenerate {

  /** Migrate's own tables, which a comparison never sees. */
  static final Set<String> OWN_TABLES =
      Set.of(VersionStore.VERSION_TABLE, VersionStore.HISTORY_TABLE);

  private final Migrate migrate;
  private final Configuration config;
  private final String schema;

  Autogenerate(Migrate migrate) {
    this.migrate = migrate;
    this.config = migrate.config();
    this.schema = migrate.schema();
  }

  /**
   * The diff from the facade's schema to {@code model} (see {@link Migrate#diff}).
   *
   * @throws MigrateException {@link ErrorCode#NOT_AT_HEAD} naming both revisions when the database
   *     is not at head, {@link ErrorCode#CONNECTION} on database errors
   */
  DiffResult diff(Database model) {
    List<String> head = migrate.revises(); // refuses several heads: merge first
    Database target = model.relativeTo(schema);
    Database current;
    Set<String> existingSchemas;
    try (Connection c = migrate.connections().open()) {
      VersionStore store = config.dialect.versionStore();
      boolean exists = store.schemaExists(c, schema);
      List<String> heads = List.of();
      if (exists) {
        store.useSchema(c, schema, false);
        heads = store.heads(c);
      }
      Current.of(heads, migrate.graph())
          .unknownAdvice(schema, migrate.database(), "autogen")
          .ifPresent(
              advice -> {
                throw new MigrateException(ErrorCode.NOT_AT_HEAD, advice);
              });
      if (!heads.equals(head)) {
        throw new MigrateException(
            ErrorCode.NOT_AT_HEAD,
            "Target database is not up to date: schema "
                + schema
                + " of "
                + migrate.database()
                + " is at "
                + (heads.isEmpty() ? "base" : String.join(", ", heads))
                + ", but the head of the migrations is "
                + (head.isEmpty() ? "base (there are no migrations)" : head.get(0))
                + ".\nRun `mvn migrate:upgrade` first, then `mvn migrate:autogen` again.");
      }
      current = exists ? config.dialect.introspect(c, schema, OWN_TABLES) : Database.empty();
      target = config.dialect.alignStoredExpressions(c, schema, current, target);
      existingSchemas = new HashSet<>();
      for (String other : schemasOf(model)) {
        if (store.schemaExists(c, other)) {
          existingSchemas.add(other);
        }
      }
    } catch (SQLException e) {
      throw new MigrateException(
          ErrorCode.CONNECTION,
          "Cannot read schema " + schema + " of " + migrate.database() + ": " + e.getMessage(),
          e);
    }
    DiffOptions options =
        DiffOptions.defaults()
            .withExistingSchemas(existingSchemas)
            .withExcludeTables(config.excludeTables)
            .withOwned(ChainObjects.of(chainUpgradeOps(), schema))
            .withMembers(memberNames(config.modelMembers, schema));
    return new SchemaDiff(config.dialect).compare(current, target, options);
  }

  /**
   * Writes a migration class with the diff's ops on top of the head, or nothing when there are none
   * (see {@link Migrate#autogenerate(DiffResult, String, Path, String, List, List)}).
   */
  AutogenResult write(
      DiffResult diff,
      String message,
      Path sourceRoot,
      String packageName,
      List<String> dependsOn,
      List<String> branchLabels) {
    List<Op> ops = config.safeForms ? SafeForms.apply(diff.ops()) : diff.ops();
    List<String> head = migrate.revises();
    List<String> detected = ops.stream().map(OpDescriptions::describe).toList();
    List<String> warnings =
        ops.stream().map(OpDescriptions::destructiveWarning).flatMap(Optional::stream).toList();
    if (ops.isEmpty()) {
      return new AutogenResult(
          Optional.empty(), null, ops, detected, warnings, diff.warnings(), diff.infos());
    }
    String id = RevisionNames.newRevisionId();
    MigrationSpec spec =
        MigrationSpec.autogen(
                packageName,
                RevisionNames.className(message, LocalDateTime.now(config.clock)),
                id,
                head,
                message,
                ops,
                diff.warnings())
            .withBranch(branchLabels, dependsOn);
    return new AutogenResult(
        Optional.of(RevisionFiles.write(spec, sourceRoot)),
        id,
        ops,
        detected,
        warnings,
        diff.warnings(),
        diff.infos());
  }

  /**
   * {@code members} as the diff looks them up: a table of the schema {@code schema} the chain runs
   * in may be recorded with that schema or without one ({@link Database#relativeTo}).
   */
  static MemberNames memberNames(List<Snapshot.Member> members, String schema) {
    if (members.isEmpty()) {
      return MemberNames.NONE;
    }
    Map<String, String> byName = new HashMap<>();
    for (Snapshot.Member m : members) {
      String table = m.table();
      if (schema != null && table.startsWith(schema + ".")) {
        table = table.substring(schema.length() + 1);
      }
      byName.putIfAbsent(table + (m.column() == null ? "" : "\0" + m.column()), m.member());
    }
    return new MemberNames() {
      @Override
      public Optional<String> ofTable(String tableSchema, String table) {
        return Optional.ofNullable(byName.get(qualified(tableSchema, table)));
      }

      @Override
      public Optional<String> ofColumn(String tableSchema, String table, String column) {
        return Optional.ofNullable(byName.get(qualified(tableSchema, table) + "\0" + column));
      }

      private String qualified(String tableSchema, String table) {
        return tableSchema == null || tableSchema.equals(schema)
            ? table
            : tableSchema + "." + table;
      }
    };
  }

  /** The schemas named by the model's objects, other than the target schema. */
  private Set<String> schemasOf(Database model) {
    Set<String> schemas = new TreeSet<>();
    model.tables().forEach(t -> schemas.add(Objects.requireNonNullElse(t.schema(), schema)));
    model.sequences().forEach(s -> schemas.add(Objects.requireNonNullElse(s.schema(), schema)));
    model.enumTypes().forEach(e -> schemas.add(Objects.requireNonNullElse(e.schema(), schema)));
    schemas.remove(schema);
    return schemas;
  }

  /**
   * Every revision's upgrade ops, parents before children, recorded without a database: what the
   * chain has created, so that autogenerate drops only what it owns.
   */
  private List<Op> chainUpgradeOps() {
    List<Op> ops = new ArrayList<>();
    for (RevisionInfo revision : migrate.graph().revisions()) {
      try {
        revision.newMigration().upgrade(new Operations(ops::add));
      } catch (RuntimeException e) {
        throw new MigrateException(
            ErrorCode.MIGRATION_FAILED,
            revision.describe()
                + " threw in upgrade() while autogen read what the chain creates: "
                + e
                + ". Fix the migration class.",
            e);
      }
    }
    return ops;
  }
}
