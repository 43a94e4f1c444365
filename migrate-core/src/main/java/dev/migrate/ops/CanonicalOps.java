package dev.migrate.ops;

import dev.migrate.model.CheckConstraint;
import dev.migrate.model.Column;
import dev.migrate.model.EnumType;
import dev.migrate.model.ForeignKey;
import dev.migrate.model.Index;
import dev.migrate.model.IndexKey;
import dev.migrate.model.PrimaryKey;
import dev.migrate.model.Sequence;
import dev.migrate.model.SqlType;
import dev.migrate.model.Table;
import dev.migrate.model.UniqueConstraint;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The canonical text of a list of ops, format {@value #FORMAT}: what a revision's checksum is taken
 * over. It is written here field by field, never from {@code Record.toString()}, whose format the
 * JDK documents as unspecified and subject to change, so that the text (and the checksum) changes
 * when, and only when, what a revision does changes.
 *
 * <p>The text is one line per op, each line ending in {@code \n}, in the order the revision states
 * them. A line is a JSON object (RFC 8259) written without spaces: first {@code "op"}, the op's
 * name as the {@code Operations} API calls it ({@code "addColumn"}), then the op's fields in a
 * fixed order, objects of the model nested as objects with their fields in a fixed order. For
 * example:
 *
 * <pre>
 * {"op":"addColumn","table":"customer","column":{"name":"phone","type":{"name":"varchar","length":32},"nullable":true}}
 * </pre>
 *
 * <p>Rules, each chosen so that the text only changes with the schema change itself:
 *
 * <ul>
 *   <li>A field whose value is {@code null}, {@code false} or an empty list is left out. A field
 *       added to an op or model record later is therefore left out while it has the value that
 *       means "as before", and revisions written before it keep their checksum; a new field must
 *       keep to this rule (or the format's version must change).
 *   <li>Strings are JSON strings: {@code "} and {@code \} escaped with a backslash, control
 *       characters as {@code \n}, {@code \r}, {@code \t}, {@code \b}, {@code \f} or {@code \}{@code
 *       u00XX}; every other character as it is (the checksum hashes the UTF-8 bytes).
 *   <li>Numbers are decimal integers; enum constants are written by their Java name ({@code
 *       "SET_NULL"}).
 *   <li>The rename hints of columns and tables ({@code renamedFrom}, from {@code @RenamedFrom}) are
 *       left out: they are not part of the schema (see {@link Column}).
 *   <li>Op names and field names are literals of this class, not class or component names, so that
 *       renaming a Java type changes nothing.
 * </ul>
 *
 * <p>The checksum built on this text ({@code dev.migrate.runner.Checksums}) carries the format in
 * its prefix ({@code v2:}); a change to these rules that alters the text of an existing op needs a
 * new format and keeps this one for the checksums already recorded.
 */
public final class CanonicalOps implements OpVisitor<String> {

  /** The format this class writes, as the checksum's prefix names it. */
  public static final String FORMAT = "v2";

  private static final CanonicalOps INSTANCE = new CanonicalOps();

  private CanonicalOps() {}

  /** The canonical text of {@code ops}: one line per op, each ending in {@code \n}. */
  public static String text(List<? extends Op> ops) {
    StringBuilder text = new StringBuilder();
    for (Op op : ops) {
      text.append(line(op)).append('\n');
    }
    return text.toString();
  }

  /** The canonical line of one op, without the line break. */
  public static String line(Op op) {
    return op.accept(INSTANCE);
  }

  // ------------------------------------------------------------------------------------------ ops

  @Override
  public String visitCreateTable(CreateTable op) {
    return op("createTable").object("table", op.table(), CanonicalOps::table).end();
  }

  @Override
  public String visitDropTable(DropTable op) {
    return op("dropTable").object("table", op.table(), CanonicalOps::table).end();
  }

  @Override
  public String visitAddColumn(AddColumn op) {
    return onTable("addColumn", op).object("column", op.column(), CanonicalOps::column).end();
  }

  @Override
  public String visitDropColumn(DropColumn op) {
    return onTable("dropColumn", op).object("column", op.column(), CanonicalOps::column).end();
  }

  @Override
  public String visitAlterColumn(AlterColumn op) {
    return onTable("alterColumn", op)
        .object("from", op.from(), CanonicalOps::column)
        .object("to", op.to(), CanonicalOps::column)
        .flag("notNullThroughCheck", op.notNullThroughCheck())
        .end();
  }

  @Override
  public String visitAddPrimaryKey(AddPrimaryKey op) {
    return onTable("addPrimaryKey", op)
        .object("primaryKey", op.primaryKey(), CanonicalOps::primaryKey)
        .end();
  }

  @Override
  public String visitDropPrimaryKey(DropPrimaryKey op) {
    return onTable("dropPrimaryKey", op)
        .object("primaryKey", op.primaryKey(), CanonicalOps::primaryKey)
        .end();
  }

  @Override
  public String visitAddUniqueConstraint(AddUniqueConstraint op) {
    return onTable("addUniqueConstraint", op)
        .object("constraint", op.constraint(), CanonicalOps::unique)
        .end();
  }

  @Override
  public String visitDropUniqueConstraint(DropUniqueConstraint op) {
    return onTable("dropUniqueConstraint", op)
        .object("constraint", op.constraint(), CanonicalOps::unique)
        .end();
  }

  @Override
  public String visitAddCheckConstraint(AddCheckConstraint op) {
    return onTable("addCheckConstraint", op)
        .object("constraint", op.constraint(), CanonicalOps::check)
        .flag("notValid", op.notValid())
        .end();
  }

  @Override
  public String visitDropCheckConstraint(DropCheckConstraint op) {
    return onTable("dropCheckConstraint", op)
        .object("constraint", op.constraint(), CanonicalOps::check)
        .end();
  }

  @Override
  public String visitCreateIndex(CreateIndex op) {
    return onTable("createIndex", op)
        .object("index", op.index(), CanonicalOps::index)
        .flag("concurrently", op.concurrently())
        .end();
  }

  @Override
  public String visitDropIndex(DropIndex op) {
    return onTable("dropIndex", op)
        .object("index", op.index(), CanonicalOps::index)
        .flag("concurrently", op.concurrently())
        .end();
  }

  @Override
  public String visitAddForeignKey(AddForeignKey op) {
    return onTable("addForeignKey", op)
        .object("foreignKey", op.foreignKey(), CanonicalOps::foreignKey)
        .flag("notValid", op.notValid())
        .end();
  }

  @Override
  public String visitValidateConstraint(ValidateConstraint op) {
    return onTable("validateConstraint", op).string("name", op.name()).end();
  }

  @Override
  public String visitDropForeignKey(DropForeignKey op) {
    return onTable("dropForeignKey", op)
        .object("foreignKey", op.foreignKey(), CanonicalOps::foreignKey)
        .end();
  }

  @Override
  public String visitCreateSequence(CreateSequence op) {
    return op("createSequence").object("sequence", op.sequence(), CanonicalOps::sequence).end();
  }

  @Override
  public String visitDropSequence(DropSequence op) {
    return op("dropSequence").object("sequence", op.sequence(), CanonicalOps::sequence).end();
  }

  @Override
  public String visitAlterSequence(AlterSequence op) {
    return op("alterSequence")
        .object("from", op.from(), CanonicalOps::sequence)
        .object("to", op.to(), CanonicalOps::sequence)
        .end();
  }

  @Override
  public String visitExecuteSql(ExecuteSql op) {
    return op("executeSql").string("sql", op.sql()).string("reverseSql", op.reverseSql()).end();
  }

  @Override
  public String visitSetTableComment(SetTableComment op) {
    return onTable("setTableComment", op).string("from", op.from()).string("to", op.to()).end();
  }

  @Override
  public String visitRenameTable(RenameTable op) {
    return op("renameTable")
        .string("schema", op.schema())
        .string("from", op.from())
        .string("to", op.to())
        .end();
  }

  @Override
  public String visitRenameColumn(RenameColumn op) {
    return onTable("renameColumn", op).string("from", op.from()).string("to", op.to()).end();
  }

  @Override
  public String visitCreateSchema(CreateSchema op) {
    return op("createSchema").string("name", op.name()).end();
  }

  @Override
  public String visitDropSchema(DropSchema op) {
    return op("dropSchema").string("name", op.name()).end();
  }

  @Override
  public String visitCreateEnumType(CreateEnumType op) {
    return op("createEnumType").object("type", op.type(), CanonicalOps::enumType).end();
  }

  @Override
  public String visitDropEnumType(DropEnumType op) {
    return op("dropEnumType").object("type", op.type(), CanonicalOps::enumType).end();
  }

  @Override
  public String visitAddEnumValue(AddEnumValue op) {
    return op("addEnumValue")
        .string("schema", op.schema())
        .string("type", op.type())
        .string("value", op.value())
        .string("before", op.before())
        .string("after", op.after())
        .end();
  }

  @Override
  public String visitDropEnumValue(DropEnumValue op) {
    return op("dropEnumValue")
        .string("schema", op.schema())
        .string("type", op.type())
        .string("value", op.value())
        .string("before", op.before())
        .string("after", op.after())
        .end();
  }

  // ---------------------------------------------------------------------------------- the model

  private static String table(Table t) {
    return new Json()
        .string("schema", t.schema())
        .string("name", t.name())
        .list("columns", t.columns(), CanonicalOps::column)
        .object("primaryKey", t.primaryKey(), CanonicalOps::primaryKey)
        .list("uniqueConstraints", t.uniqueConstraints(), CanonicalOps::unique)
        .list("checkConstraints", t.checkConstraints(), CanonicalOps::check)
        .list("indexes", t.indexes(), CanonicalOps::index)
        .list("foreignKeys", t.foreignKeys(), CanonicalOps::foreignKey)
        .string("comment", t.comment())
        .end();
  }

  private static String column(Column c) {
    return new Json()
        .string("name", c.name())
        .object("type", c.type(), CanonicalOps::type)
        .flag("nullable", c.nullable())
        .string("default", c.defaultValue())
        .string("identity", c.identity() == null ? null : c.identity().name())
        .string("comment", c.comment())
        .end();
  }

  private static String type(SqlType t) {
    return new Json()
        .string("name", t.name())
        .number("length", t.length())
        .number("precision", t.precision())
        .number("scale", t.scale())
        .end();
  }

  private static String primaryKey(PrimaryKey k) {
    return new Json().string("name", k.name()).strings("columns", k.columns()).end();
  }

  private static String unique(UniqueConstraint u) {
    return new Json().string("name", u.name()).strings("columns", u.columns()).end();
  }

  private static String check(CheckConstraint c) {
    return new Json().string("name", c.name()).string("expression", c.expression()).end();
  }

  private static String index(Index i) {
    return new Json()
        .string("name", i.name())
        .list("keys", i.keys(), CanonicalOps::indexKey)
        .flag("unique", i.unique())
        .string("method", i.method())
        .strings("include", i.include())
        .string("where", i.where())
        .end();
  }

  private static String indexKey(IndexKey k) {
    return new Json()
        .string("column", k.column())
        .string("expression", k.expression())
        .flag("descending", k.descending())
        .end();
  }

  private static String foreignKey(ForeignKey f) {
    return new Json()
        .string("name", f.name())
        .strings("columns", f.columns())
        .string("referencedSchema", f.referencedSchema())
        .string("referencedTable", f.referencedTable())
        .strings("referencedColumns", f.referencedColumns())
        .string("onDelete", f.onDelete() == null ? null : f.onDelete().name())
        .string("onUpdate", f.onUpdate() == null ? null : f.onUpdate().name())
        .flag("deferrable", f.deferrable())
        .flag("initiallyDeferred", f.initiallyDeferred())
        .end();
  }

  private static String sequence(Sequence s) {
    return new Json()
        .string("schema", s.schema())
        .string("name", s.name())
        .number("start", s.start())
        .number("increment", s.increment())
        .number("minValue", s.minValue())
        .number("maxValue", s.maxValue())
        .string("ownedBy", s.ownedBy())
        .end();
  }

  private static String enumType(EnumType e) {
    return new Json()
        .string("schema", e.schema())
        .string("name", e.name())
        .strings("values", e.values())
        .end();
  }

  // ---------------------------------------------------------------------------------- writing

  private static Json op(String name) {
    return new Json().string("op", name);
  }

  /** An op on one table: its name, then {@code schema} and {@code table}. */
  private static Json onTable(String name, TableOp op) {
    return op(name).string("schema", op.schema()).string("table", op.table());
  }

  /** One JSON object, written field by field; fields with default values are left out. */
  private static final class Json {
    private final StringBuilder out = new StringBuilder("{");

    private Json key(String key) {
      if (out.length() > 1) {
        out.append(',');
      }
      quote(out, key);
      out.append(':');
      return this;
    }

    Json string(String key, String value) {
      if (value != null) {
        quote(key(key).out, value);
      }
      return this;
    }

    Json number(String key, Number value) {
      if (value != null) {
        key(key).out.append(value.longValue());
      }
      return this;
    }

    Json flag(String key, boolean value) {
      if (value) {
        key(key).out.append("true");
      }
      return this;
    }

    <T> Json object(String key, T value, Function<T, String> writer) {
      if (value != null) {
        key(key).out.append(writer.apply(value));
      }
      return this;
    }

    <T> Json list(String key, List<T> values, Function<T, String> writer) {
      if (values != null && !values.isEmpty()) {
        key(key).out.append('[');
        for (int i = 0; i < values.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          out.append(writer.apply(values.get(i)));
        }
        out.append(']');
      }
      return this;
    }

    Json strings(String key, List<String> values) {
      return list(
          key,
          values,
          v -> {
            StringBuilder s = new StringBuilder();
            quote(s, v);
            return s.toString();
          });
    }

    String end() {
      return out.append('}').toString();
    }
  }

  /** {@code value} as a JSON string (RFC 8259, section 7). */
  private static void quote(StringBuilder out, String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
