package dev.migrate.check;

import dev.migrate.MigrateException;
import dev.migrate.codegen.OpDescriptions;
import dev.migrate.dialect.VersionStore.HistoryRow;
import dev.migrate.dialect.VersionStore.RecordedChecksum;
import dev.migrate.diff.Normalizer;
import dev.migrate.diff.SchemaDiff;
import dev.migrate.model.Database;
import dev.migrate.model.Table;
import dev.migrate.ops.AddColumn;
import dev.migrate.ops.AlterColumn;
import dev.migrate.ops.CreateTable;
import dev.migrate.ops.DropColumn;
import dev.migrate.ops.DropTable;
import dev.migrate.ops.ExecuteSql;
import dev.migrate.ops.ModelReplay;
import dev.migrate.ops.Op;
import dev.migrate.ops.OpVisitor;
import dev.migrate.ops.RenameTable;
import dev.migrate.ops.TableOp;
import dev.migrate.runner.ChecksumValidation;
import dev.migrate.runner.Direction;
import dev.migrate.runner.EditedRevision;
import dev.migrate.runner.RevisionGraph;
import dev.migrate.runner.RevisionInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pieces of {@code migrate:check} that need no database: replaying the migrations into a model
 * (offline mode), turning the remaining differences into the check's sentences, and comparing the
 * checksums recorded in {@code migrate_history} with the revisions as they are now (drift).
 */
public final class ModelCheck {

  private static final Pattern IDENTIFIER =
      Pattern.compile("\"((?:[^\"]|\"\")+)\"|([A-Za-z_][A-Za-z0-9_$]*)");

  private final Normalizer normalizer;

  /**
   * A check that compares types, checks and defaults through {@code normalizer} (normally the
   * dialect).
   */
  public ModelCheck(Normalizer normalizer) {
    this.normalizer = Objects.requireNonNull(normalizer, "normalizer");
  }

  /**
   * The schema the migrations build, replayed without a database.
   *
   * @param database the model after every upgrade op of every revision, parents first
   * @param unknownTables tables (keyed {@code schema.name} or {@code name}) whose state raw SQL may
   *     have changed, with the revision that ran it
   * @param problems ops that did not fit the schema the earlier revisions built, naming the
   *     revision
   * @param notes raw SQL that names no table the check knows
   */
  public record Replayed(
      Database database,
      Map<String, String> unknownTables,
      List<String> problems,
      List<String> notes) {}

  /**
   * Replays the upgrade ops of every revision of {@code graph} into an empty model ({@link
   * ModelReplay}). An {@link ExecuteSql} cannot be replayed: the tables its SQL names (any
   * identifier equal to a table name of the replayed model or of {@code model}) become unknown from
   * then on, and later ops on them are skipped rather than guessed at; a skipped rename makes the
   * new name unknown too.
   */
  public static Replayed replay(RevisionGraph graph, Database model) {
    ModelReplay replay = new ModelReplay(Database.empty());
    Map<String, String> unknown = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (RevisionInfo revision : graph.revisions()) {
      for (Op op : revision.ops(Direction.UPGRADE)) {
        Optional<String> rawSql = op.accept(RAW_SQL);
        if (rawSql.isPresent()) {
          List<String> named = mentionedTables(rawSql.get(), replay.database(), model);
          if (named.isEmpty()) {
            notes.add(
                "revision "
                    + revision.id()
                    + " ("
                    + revision.sourceFile()
                    + ") runs raw SQL that names no"
                    + " table of the model; the offline check ignores it: "
                    + excerpt(rawSql.get()));
          }
          named.forEach(t -> unknown.putIfAbsent(t, revision.id()));
          continue;
        }
        Optional<String> table = tableOf(op);
        if (table.isPresent() && unknown.containsKey(table.get())) {
          String by = unknown.get(table.get());
          op.accept(RENAMED_TO).ifPresent(to -> unknown.putIfAbsent(to, by));
          continue;
        }
        try {
          replay.accept(op);
        } catch (IllegalStateException e) {
          problems.add(
              "revision "
                  + revision.id()
                  + " ("
                  + revision.sourceFile()
                  + "): "
                  + e.getMessage()
                  + "; the earlier revisions do not build what this op expects");
        }
      }
    }
    return new Replayed(replay.database(), unknown, problems, notes);
  }

  /**
   * The differences between the schema the migrations build and the model, one sentence each
   * ("customer.phone: column in the model, no migration adds it"); differences on {@code
   * unknownTables} go to {@code notes} instead.
   */
  public List<String> differences(
      Database migrations, Database model, Map<String, String> unknownTables, List<String> notes) {
    List<String> lines = new ArrayList<>();
    Map<String, String> skipped = new LinkedHashMap<>();
    for (Op op : new SchemaDiff(normalizer).diff(migrations, model)) {
      Optional<String> table = tableOf(op);
      if (table.isPresent() && unknownTables.containsKey(table.get())) {
        skipped.putIfAbsent(table.get(), unknownTables.get(table.get()));
        continue;
      }
      lines.add(sentence(op));
    }
    skipped.forEach(
        (table, revision) ->
            notes.add(
                table
                    + ": revision "
                    + revision
                    + " changes it with raw SQL"
                    + " (op.execute), so the offline check cannot know its state and does not compare it; the replay check"
                    + " (-Dmigrate.check=replay) does"));
    return lines;
  }

  /** The check's sentence for a difference the migrations lack. */
  static String sentence(Op op) {
    return op.accept(SENTENCE);
  }

  private static final OpVisitor<String> SENTENCE =
      new OpVisitor.Partial<>() {
        @Override
        public String otherwise(Op op) {
          return "the model differs from the migrations, no migration does this: "
              + OpDescriptions.describe(op);
        }

        @Override
        public String visitCreateTable(CreateTable o) {
          return o.table().qualifiedName() + ": table in the model, no migration creates it";
        }

        @Override
        public String visitDropTable(DropTable o) {
          return o.table().qualifiedName()
              + ": table created by the migrations but not in the model, no migration"
              + " drops it";
        }

        @Override
        public String visitAddColumn(AddColumn o) {
          return o.qualifiedTableName()
              + "."
              + o.column().name()
              + ": column in the model, no migration adds it";
        }

        @Override
        public String visitDropColumn(DropColumn o) {
          return o.qualifiedTableName()
              + "."
              + o.column().name()
              + ": column added by the migrations but not in the"
              + " model, no migration drops it";
        }

        @Override
        public String visitAlterColumn(AlterColumn o) {
          String described = OpDescriptions.describe(o);
          return o.qualifiedTableName()
              + "."
              + o.to().name()
              + ": column differs from the migrations ("
              + described.substring(described.indexOf(": ") + 2)
              + "), no migration alters it";
        }
      };

  /** The SQL of an {@link ExecuteSql}, empty for every other op. */
  private static final OpVisitor<Optional<String>> RAW_SQL =
      new OpVisitor.Partial<>() {
        @Override
        public Optional<String> otherwise(Op op) {
          return Optional.empty();
        }

        @Override
        public Optional<String> visitExecuteSql(ExecuteSql op) {
          return Optional.of(op.sql());
        }
      };

  /** The new qualified name of a {@link RenameTable}, empty for every other op. */
  private static final OpVisitor<Optional<String>> RENAMED_TO =
      new OpVisitor.Partial<>() {
        @Override
        public Optional<String> otherwise(Op op) {
          return Optional.empty();
        }

        @Override
        public Optional<String> visitRenameTable(RenameTable op) {
          return Optional.of(qualified(op.schema(), op.to()));
        }
      };

  /**
   * The revisions applied to a database whose history is {@code rows} and whose version table holds
   * {@code heads}, that were edited since: the checksum of the last successful upgrade, stamp or
   * repair differs from that of the revision's upgrade ops now, compared in the format it was
   * recorded in ({@link ChecksumValidation}). One line each, naming the revision, its file, what
   * changed where known, both checksums and the fix.
   */
  public static List<String> drift(
      RevisionGraph graph, List<String> heads, List<HistoryRow> rows, String schema) {
    Map<String, RecordedChecksum> last = new HashMap<>();
    for (HistoryRow row : rows) {
      if (row.success()) {
        last.put(
            row.revision(),
            new RecordedChecksum(row.revision(), row.direction(), row.checksum(), null));
      }
    }
    List<String> lines = new ArrayList<>();
    for (EditedRevision edited : ChecksumValidation.edited(graph, heads, last)) {
      lines.add(
          "revision "
              + edited.id()
              + " ("
              + edited.sourceFile()
              + ") was edited after it was applied to schema "
              + schema
              + " (checksum applied "
              + abbreviated(edited.recordedChecksum())
              + ", now "
              + abbreviated(edited.checksum())
              + "): revert the edit and put the change in a new revision (`mvn migrate:autogen`), or"
              + " downgrade below it, then upgrade again; if the edit is meant, accept it with"
              + " `mvn migrate:repair -Dmigrate.revision="
              + edited.id()
              + "`");
    }
    return lines;
  }

  private static String abbreviated(String checksum) {
    return checksum.length() > 16 ? checksum.substring(0, 16) + "..." : checksum;
  }

  /** The problem line for a graph with several heads, if it has them. */
  public static Optional<String> heads(RevisionGraph graph) {
    try {
      graph.head();
      return Optional.empty();
    } catch (MigrateException e) {
      return Optional.of(e.getMessage());
    }
  }

  /**
   * The table an op changes, as {@code schema.name} or {@code name} ({@link
   * TableOp#qualifiedTableName()}; for a rename the name before; for {@link CreateTable} and {@link
   * DropTable} their table's qualified name); empty for ops on other objects (sequences, enum
   * types, raw SQL).
   */
  static Optional<String> tableOf(Op op) {
    return op.accept(TABLE_OF);
  }

  private static final OpVisitor<Optional<String>> TABLE_OF =
      new OpVisitor.Partial<>() {
        @Override
        public Optional<String> otherwise(Op op) {
          return op.onTable().map(TableOp::qualifiedTableName);
        }

        @Override
        public Optional<String> visitCreateTable(CreateTable op) {
          return Optional.of(op.table().qualifiedName());
        }

        @Override
        public Optional<String> visitDropTable(DropTable op) {
          return Optional.of(op.table().qualifiedName());
        }
      };

  /**
   * The tables of {@code a} or {@code b} that {@code sql} names (quoted names as written, others
   * folded).
   */
  static List<String> mentionedTables(String sql, Database a, Database b) {
    Map<String, String> byName = new LinkedHashMap<>();
    for (Database d : List.of(a, b)) {
      for (Table t : d.tables()) {
        byName.putIfAbsent(t.name(), qualified(t.schema(), t.name()));
      }
    }
    List<String> named = new ArrayList<>();
    Matcher m = IDENTIFIER.matcher(sql.replaceAll("'(?:[^']|'')*'", "''"));
    while (m.find()) {
      String name =
          m.group(1) != null
              ? m.group(1).replace("\"\"", "\"")
              : m.group(2).toLowerCase(Locale.ROOT);
      String key = byName.get(name);
      if (key != null && !named.contains(key)) {
        named.add(key);
      }
    }
    return named;
  }

  private static String qualified(String schema, String name) {
    return schema == null ? name : schema + "." + name;
  }

  private static String excerpt(String sql) {
    String text = sql.strip().replaceAll("\\s+", " ");
    return text.length() > 60 ? text.substring(0, 60) + "..." : text;
  }
}
