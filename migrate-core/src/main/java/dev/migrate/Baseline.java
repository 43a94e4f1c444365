package dev.migrate;

import dev.migrate.codegen.MigrationSpec;
import dev.migrate.codegen.OpDescriptions;
import dev.migrate.codegen.RevisionNames;
import dev.migrate.dialect.Unmodelled;
import dev.migrate.dialect.VersionStore;
import dev.migrate.diff.DiffOptions;
import dev.migrate.diff.SchemaDiff;
import dev.migrate.model.Database;
import dev.migrate.model.ForeignKey;
import dev.migrate.model.Table;
import dev.migrate.ops.Op;
import dev.migrate.runner.RevisionInfo;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The command behind {@link Migrate#baseline} (Flyway's {@code baseline}, done as Alembic users do
 * it by hand: a first revision that creates what exists, then {@code stamp}): adopts a database
 * that Migrate has never run on.
 *
 * <p>It introspects the facade's schema (less Migrate's own tables and {@link
 * Configuration#excludeTables}), writes a first revision (no down revision) whose upgrade creates
 * that schema from nothing, through the same diff and code generator as autogenerate, and records
 * the schema as being at that revision without running it. A replay of the chain from base on an
 * empty database then builds the same catalog, and a normal autogenerate shows what separates the
 * database from the entities.
 *
 * <p>Refused, with nothing written: a chain that already has revisions (the baseline must be the
 * first; adopt into an existing chain with {@code stamp}); a schema that already has a version
 * table (Migrate runs on it already); a schema that does not exist or holds nothing to adopt; and a
 * schema with parts of tables the model cannot say ({@link Unmodelled#changesTable()}: generated
 * columns, exclusion constraints, partitions, inheritance, unlogged tables, columns of domain,
 * composite or extension types, column collations), because a replay would build different tables.
 * Objects beside the tables that the model does not hold (views, triggers, functions, policies,
 * ...) do not stop it: each is named in the result and in the class's header, for the user to add
 * with {@code op.execute(...)} if a replay needs it.
 */
final class Baseline {

  private final Migrate migrate;
  private final Configuration config;
  private final String schema;

  Baseline(Migrate migrate) {
    this.migrate = migrate;
    this.config = migrate.config();
    this.schema = migrate.schema();
  }

  /**
   * Writes and stamps the baseline revision.
   *
   * @param revisionId the id to give it (pre-chosen so that schema groups can depend on each
   *     other's baselines)
   * @param branchLabels labels of the branch it starts (a schema group's alias); usually empty
   * @param dependsOn the revisions of other chains it needs first, given the other schemas its
   *     foreign keys point into (the baselines of those schema groups); usually none
   * @throws MigrateException see {@link Migrate#baseline}
   */
  BaselineResult run(
      String revisionId,
      String message,
      Path sourceRoot,
      String packageName,
      List<String> branchLabels,
      Function<Set<String>, List<String>> dependsOn) {
    if (!migrate.graph().isEmpty()) {
      throw new MigrateException(
          ErrorCode.REVISION_GRAPH,
          "baseline writes the first revision of a chain, and the chain of schema "
              + schema
              + " already has "
              + migrate.graph().revisions().size()
              + " revision(s) in "
              + packageName
              + ". To adopt a database whose schema matches one of them, run `mvn migrate:stamp"
              + " -Dmigrate.revision=<that revision>`; to baseline anew, move the existing"
              + " revisions away first.");
    }
    DiffOptions options = DiffOptions.defaults().withExcludeTables(config.excludeTables);
    Database current;
    List<String> notReplayed = new ArrayList<>();
    try (Connection c = migrate.connections().open()) {
      VersionStore store = config.dialect.versionStore();
      if (!store.schemaExists(c, schema)) {
        throw new MigrateException(
            ErrorCode.CONFIGURATION,
            "Schema "
                + schema
                + " does not exist in "
                + migrate.database()
                + ": there is nothing to adopt. Name the schema that holds the tables with"
                + " -Dmigrate.schema=..., or, for a new database, use `mvn migrate:autogen`.");
      }
      store.useSchema(c, schema, false);
      Database everything = config.dialect.introspect(c, schema, Set.of());
      if (everything.tables().stream().anyMatch(t -> t.name().equals(VersionStore.VERSION_TABLE))) {
        List<String> heads = store.heads(c);
        throw new MigrateException(
            ErrorCode.NOT_AT_HEAD,
            "Schema "
                + schema
                + " of "
                + migrate.database()
                + " already has a version table ("
                + VersionStore.VERSION_TABLE
                + ", at "
                + (heads.isEmpty() ? "base" : String.join(", ", heads))
                + "): Migrate runs on it already, and baseline adopts only a database it has never"
                + " run on. See `mvn migrate:current`; drop "
                + VersionStore.VERSION_TABLE
                + " and "
                + VersionStore.HISTORY_TABLE
                + " only if that table is left over from an abandoned attempt.");
      }
      List<String> fatal = new ArrayList<>();
      for (Unmodelled object : config.dialect.unmodelled(c, schema)) {
        if (object.table() != null && options.excluded(null, object.table())) {
          continue;
        }
        (object.changesTable() ? fatal : notReplayed).add(object.toString());
      }
      if (!fatal.isEmpty()) {
        throw new MigrateException(
            ErrorCode.UNSUPPORTED,
            "Schema "
                + schema
                + " of "
                + migrate.database()
                + " cannot be read whole: the model does not hold\n  - "
                + String.join("\n  - ", fatal)
                + "\nso a baseline replayed on an empty database would build different tables."
                + " Nothing was written. Change those objects first, or leave their tables out"
                + " with -Dmigrate.excludeTables=<table>,... (they then stay outside the chain).");
      }
      current = config.dialect.introspect(c, schema, Autogenerate.OWN_TABLES);
    } catch (SQLException e) {
      throw new MigrateException(
          ErrorCode.CONNECTION,
          "Cannot read schema " + schema + " of " + migrate.database() + ": " + e.getMessage(),
          e);
    }
    Set<String> referenced = referenced(current);
    List<Op> ops =
        new SchemaDiff(config.dialect)
            .compare(Database.empty(), current, options.withExistingSchemas(referenced))
            .ops();
    if (ops.isEmpty()) {
      throw new MigrateException(
          ErrorCode.CONFIGURATION,
          "Schema "
              + schema
              + " of "
              + migrate.database()
              + " holds no tables, sequences or enum types to adopt"
              + (config.excludeTables.isEmpty()
                  ? ""
                  : " (excludeTables: " + String.join(", ", config.excludeTables) + ")")
              + ". For a new database, use `mvn migrate:autogen`.");
    }
    List<String> notes = new ArrayList<>();
    if (!notReplayed.isEmpty()) {
      notes.add(
          "Baseline of schema "
              + schema
              + ": not recreated by this revision (the model does not hold them); add them with"
              + " op.execute(...) if a replay from base needs them: "
              + String.join(", ", notReplayed));
    }
    MigrationSpec spec =
        MigrationSpec.autogen(
                packageName,
                RevisionNames.className(message, LocalDateTime.now(config.clock)),
                revisionId,
                List.of(),
                message,
                ops,
                notes)
            .withBranch(branchLabels, dependsOn.apply(referenced));
    Path file = RevisionFiles.write(spec, sourceRoot);
    migrate.runner().stampBaseline(revisionId, RevisionInfo.checksum(ops));
    return new BaselineResult(
        schema,
        file,
        revisionId,
        ops,
        ops.stream().map(OpDescriptions::describe).toList(),
        notReplayed);
  }

  /** The other schemas the foreign keys of {@code database} point into (they exist). */
  private static Set<String> referenced(Database database) {
    Set<String> schemas = new TreeSet<>();
    for (Table table : database.tables()) {
      for (ForeignKey fk : table.foreignKeys()) {
        if (fk.referencedSchema() != null) {
          schemas.add(fk.referencedSchema());
        }
      }
    }
    return schemas;
  }
}
