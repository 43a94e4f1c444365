package dev.migrate.codegen;

import com.palantir.javapoet.CodeBlock;
import dev.migrate.model.CheckConstraint;
import dev.migrate.model.Column;
import dev.migrate.model.EnumType;
import dev.migrate.model.ForeignKey;
import dev.migrate.model.Identity;
import dev.migrate.model.Index;
import dev.migrate.model.IndexKey;
import dev.migrate.model.PrimaryKey;
import dev.migrate.model.ReferentialAction;
import dev.migrate.model.Sequence;
import dev.migrate.model.SqlType;
import dev.migrate.model.Table;
import dev.migrate.model.UniqueConstraint;
import dev.migrate.ops.AddCheckConstraint;
import dev.migrate.ops.AddColumn;
import dev.migrate.ops.AddEnumValue;
import dev.migrate.ops.AddForeignKey;
import dev.migrate.ops.AddPrimaryKey;
import dev.migrate.ops.AddUniqueConstraint;
import dev.migrate.ops.AlterColumn;
import dev.migrate.ops.AlterSequence;
import dev.migrate.ops.CreateEnumType;
import dev.migrate.ops.CreateIndex;
import dev.migrate.ops.CreateSchema;
import dev.migrate.ops.CreateSequence;
import dev.migrate.ops.CreateTable;
import dev.migrate.ops.DropCheckConstraint;
import dev.migrate.ops.DropColumn;
import dev.migrate.ops.DropEnumType;
import dev.migrate.ops.DropEnumValue;
import dev.migrate.ops.DropForeignKey;
import dev.migrate.ops.DropIndex;
import dev.migrate.ops.DropPrimaryKey;
import dev.migrate.ops.DropSchema;
import dev.migrate.ops.DropSequence;
import dev.migrate.ops.DropTable;
import dev.migrate.ops.DropUniqueConstraint;
import dev.migrate.ops.ExecuteSql;
import dev.migrate.ops.Op;
import dev.migrate.ops.OpVisitor;
import dev.migrate.ops.RenameColumn;
import dev.migrate.ops.RenameTable;
import dev.migrate.ops.SetTableComment;
import dev.migrate.ops.ValidateConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One op as one statement of a migration method: a call on {@code op} (or {@code op.inSchema("s")})
 * whose arguments are built with the static factories of {@link dev.migrate.runtime.Ddl}, so that
 * running the statement against {@link dev.migrate.runtime.Operations} rebuilds a record equal to
 * the op. A call with one argument element is one line when it fits in 100 columns; a table and the
 * two sides of an {@code alterColumn} put one element per line.
 *
 * <p>Each block ends with a newline. Line breaks between elements are explicit; elsewhere JavaPoet
 * breaks a line that would pass 100 columns, greedily, at the places marked {@code $W} (after a
 * call's table name, between the two SQL texts of {@code execute}) and {@code $Z} (before {@code
 * .references}, {@code .withActions} and {@code .withDefault}), and indents the continuation.
 */
final class OpCode implements OpVisitor<CodeBlock> {

  /** The {@code Ddl} factory for each type without modifiers that has one. */
  private static final Map<String, String> PLAIN_TYPE_FACTORIES =
      Map.ofEntries(
          Map.entry("smallint", "smallint"),
          Map.entry("integer", "integer"),
          Map.entry("bigint", "bigint"),
          Map.entry("real", "real"),
          Map.entry("double precision", "doublePrecision"),
          Map.entry("boolean", "bool"),
          Map.entry("text", "text"),
          Map.entry("bytea", "bytea"),
          Map.entry("uuid", "uuid"),
          Map.entry("date", "date"),
          Map.entry("jsonb", "jsonb"));

  /** The {@code Ddl} factory for each time type, which takes the fractional-second precision. */
  private static final Map<String, String> TIME_TYPE_FACTORIES =
      Map.of("timestamp", "timestamp", "timestamptz", "timestamptz", "time", "time");

  /** The statement that performs {@code op}. */
  static CodeBlock of(Op op) {
    return op.accept(new OpCode());
  }

  // ----------------------------------------------------------------------------------------------
  // statements

  private static CodeBlock call(String schema, String method, CodeBlock arguments) {
    CodeBlock.Builder code = CodeBlock.builder();
    if (schema == null) {
      code.add("op");
    } else {
      code.add("op.inSchema($S)", schema);
    }
    return code.add(".$L(", method).add(arguments).add(");\n").build();
  }

  /**
   * {@code op.method("table", element)}; a call too long for one line continues with the element on
   * the next, and the element's own line breaks ({@code $Z}) indent one step further.
   */
  private static CodeBlock tableCall(
      String schema, String table, String method, CodeBlock element) {
    return call(schema, method, CodeBlock.of("$S,$W$>$>$L$<$<", table, element));
  }

  @Override
  public CodeBlock visitCreateTable(CreateTable op) {
    return call(op.table().schema(), "createTable", table(op.table()));
  }

  @Override
  public CodeBlock visitDropTable(DropTable op) {
    return call(op.table().schema(), "dropTable", table(op.table()));
  }

  @Override
  public CodeBlock visitAddColumn(AddColumn op) {
    return tableCall(op.schema(), op.table(), "addColumn", column(op.column()));
  }

  @Override
  public CodeBlock visitDropColumn(DropColumn op) {
    return tableCall(op.schema(), op.table(), "dropColumn", column(op.column()));
  }

  @Override
  public CodeBlock visitAlterColumn(AlterColumn op) {
    CodeBlock arguments =
        CodeBlock.builder()
            .add("$S,$>$>\n", op.table())
            .add(column(op.from()))
            .add(",\n")
            .add(column(op.to()))
            .add(op.notNullThroughCheck() ? ",\nnotNullThroughCheck()" : "")
            .add("$<$<")
            .build();
    return call(op.schema(), "alterColumn", arguments);
  }

  @Override
  public CodeBlock visitAddPrimaryKey(AddPrimaryKey op) {
    return tableCall(op.schema(), op.table(), "addPrimaryKey", primaryKey(op.primaryKey()));
  }

  @Override
  public CodeBlock visitDropPrimaryKey(DropPrimaryKey op) {
    return tableCall(op.schema(), op.table(), "dropPrimaryKey", primaryKey(op.primaryKey()));
  }

  @Override
  public CodeBlock visitAddUniqueConstraint(AddUniqueConstraint op) {
    return tableCall(op.schema(), op.table(), "addUniqueConstraint", unique(op.constraint()));
  }

  @Override
  public CodeBlock visitDropUniqueConstraint(DropUniqueConstraint op) {
    return tableCall(op.schema(), op.table(), "dropUniqueConstraint", unique(op.constraint()));
  }

  @Override
  public CodeBlock visitAddCheckConstraint(AddCheckConstraint op) {
    return op.notValid()
        ? call(
            op.schema(),
            "addCheckConstraint",
            CodeBlock.of("$S,$W$>$>$L,$WnotValid()$<$<", op.table(), check(op.constraint())))
        : tableCall(op.schema(), op.table(), "addCheckConstraint", check(op.constraint()));
  }

  @Override
  public CodeBlock visitDropCheckConstraint(DropCheckConstraint op) {
    return tableCall(op.schema(), op.table(), "dropCheckConstraint", check(op.constraint()));
  }

  @Override
  public CodeBlock visitCreateIndex(CreateIndex op) {
    return op.concurrently()
        ? call(
            op.schema(),
            "createIndex",
            CodeBlock.of("$S,$W$>$>$L,$Wconcurrently()$<$<", op.table(), index(op.index())))
        : tableCall(op.schema(), op.table(), "createIndex", index(op.index()));
  }

  @Override
  public CodeBlock visitDropIndex(DropIndex op) {
    return op.concurrently()
        ? call(
            op.schema(),
            "dropIndex",
            CodeBlock.of("$S,$W$>$>$L,$Wconcurrently()$<$<", op.table(), index(op.index())))
        : tableCall(op.schema(), op.table(), "dropIndex", index(op.index()));
  }

  @Override
  public CodeBlock visitAddForeignKey(AddForeignKey op) {
    return op.notValid()
        ? call(
            op.schema(),
            "addForeignKey",
            CodeBlock.of("$S,$W$>$>$L,$WnotValid()$<$<", op.table(), foreignKey(op.foreignKey())))
        : tableCall(op.schema(), op.table(), "addForeignKey", foreignKey(op.foreignKey()));
  }

  @Override
  public CodeBlock visitValidateConstraint(ValidateConstraint op) {
    return call(op.schema(), "validateConstraint", CodeBlock.of("$S,$W$S", op.table(), op.name()));
  }

  @Override
  public CodeBlock visitDropForeignKey(DropForeignKey op) {
    return tableCall(op.schema(), op.table(), "dropForeignKey", foreignKey(op.foreignKey()));
  }

  @Override
  public CodeBlock visitCreateSequence(CreateSequence op) {
    return call(op.sequence().schema(), "createSequence", sequence(op.sequence()));
  }

  @Override
  public CodeBlock visitDropSequence(DropSequence op) {
    return call(op.sequence().schema(), "dropSequence", sequence(op.sequence()));
  }

  @Override
  public CodeBlock visitAlterSequence(AlterSequence op) {
    CodeBlock arguments =
        CodeBlock.builder()
            .add("$>$>\n")
            .add(sequence(op.from()))
            .add(",\n")
            .add(sequence(op.to()))
            .add("$<$<")
            .build();
    return call(op.to().schema(), "alterSequence", arguments);
  }

  @Override
  public CodeBlock visitCreateSchema(CreateSchema op) {
    return call(null, "createSchema", CodeBlock.of("$S", op.name()));
  }

  @Override
  public CodeBlock visitDropSchema(DropSchema op) {
    return call(null, "dropSchema", CodeBlock.of("$S", op.name()));
  }

  @Override
  public CodeBlock visitCreateEnumType(CreateEnumType op) {
    return call(op.type().schema(), "createEnumType", enumType(op.type()));
  }

  @Override
  public CodeBlock visitDropEnumType(DropEnumType op) {
    return call(op.type().schema(), "dropEnumType", enumType(op.type()));
  }

  @Override
  public CodeBlock visitAddEnumValue(AddEnumValue op) {
    return enumValue("addEnumValue", op.schema(), op.type(), op.value(), op.before(), op.after());
  }

  @Override
  public CodeBlock visitDropEnumValue(DropEnumValue op) {
    return enumValue("dropEnumValue", op.schema(), op.type(), op.value(), op.before(), op.after());
  }

  /**
   * {@code op.addEnumValue("mood", "meh")}, or with {@code Before}/{@code After} and the neighbour.
   */
  private static CodeBlock enumValue(
      String method, String schema, String type, String value, String before, String after) {
    if (before != null) {
      return call(schema, method + "Before", CodeBlock.of("$S, $S,$W$S", type, value, before));
    }
    if (after != null) {
      return call(schema, method + "After", CodeBlock.of("$S, $S,$W$S", type, value, after));
    }
    return call(schema, method, CodeBlock.of("$S, $S", type, value));
  }

  /** {@code enumType("name", "a", "b")}; the schema goes through {@code op.inSchema(...)}. */
  static CodeBlock enumType(EnumType type) {
    CodeBlock.Builder code = CodeBlock.builder().add("enumType($S", type.name());
    type.values().forEach(v -> code.add(",$W$S", v));
    return code.add(")").build();
  }

  @Override
  public CodeBlock visitRenameTable(RenameTable op) {
    return call(op.schema(), "renameTable", CodeBlock.of("$S, $S", op.from(), op.to()));
  }

  @Override
  public CodeBlock visitRenameColumn(RenameColumn op) {
    return call(
        op.schema(), "renameColumn", CodeBlock.of("$S,$W$S, $S", op.table(), op.from(), op.to()));
  }

  @Override
  public CodeBlock visitSetTableComment(SetTableComment op) {
    return call(
        op.schema(),
        "setTableComment",
        CodeBlock.of("$S,$W$S,$W$S", op.table(), op.from(), op.to()));
  }

  @Override
  public CodeBlock visitExecuteSql(ExecuteSql op) {
    if (op.reverseSql() == null) {
      return call(null, "execute", CodeBlock.of("$S", op.sql()));
    }
    return call(null, "execute", CodeBlock.of("$S,$W$S", op.sql(), op.reverseSql()));
  }

  // ------------------------------------------------------------------------------------- Ddl
  // expressions

  /**
   * {@code table("name", elements...)} in {@code CREATE TABLE} order: columns as declared, then the
   * primary key, unique constraints, check constraints, indexes and foreign keys, each sorted by
   * name as {@link Table} keeps them. The schema is not part of it: the call goes through {@code
   * op.inSchema(...)}.
   */
  static CodeBlock table(Table table) {
    List<CodeBlock> elements = new ArrayList<>();
    table.columns().forEach(c -> elements.add(column(c)));
    if (table.primaryKey() != null) {
      elements.add(primaryKey(table.primaryKey()));
    }
    table.uniqueConstraints().forEach(u -> elements.add(unique(u)));
    table.checkConstraints().forEach(c -> elements.add(check(c)));
    table.indexes().forEach(i -> elements.add(index(i)));
    table.foreignKeys().forEach(f -> elements.add(foreignKey(f)));
    CodeBlock code =
        elements.isEmpty()
            ? CodeBlock.of("table($S)", table.name())
            : CodeBlock.builder()
                .add("table($S,$>$>\n", table.name())
                .add(CodeBlock.join(elements, ",\n"))
                .add(")$<$<")
                .build();
    return table.comment() == null
        ? code
        : CodeBlock.of("$L$Z.withComment($S)", code, table.comment());
  }

  /**
   * {@code column("name", type)} with {@code .notNull()}, {@code .withDefault(sql)}, {@code
   * .asIdentity()} or {@code .withIdentity(Identity.ALWAYS)} as needed. An identity column is
   * {@code NOT NULL} by construction; the odd nullable identity a record can still hold is rebuilt
   * with {@code .withNullable(true)}.
   */
  static CodeBlock column(Column column) {
    CodeBlock.Builder code =
        CodeBlock.builder().add("column($S, $L)", column.name(), type(column.type()));
    if (!column.nullable() && column.identity() == null) {
      code.add(".notNull()");
    }
    if (column.defaultValue() != null) {
      code.add("$Z.withDefault($S)", column.defaultValue());
    }
    if (column.identity() == Identity.BY_DEFAULT) {
      code.add(".asIdentity()");
    } else if (column.identity() != null) {
      code.add(".withIdentity($T.$L)", Identity.class, column.identity().name());
    }
    if (column.identity() != null && column.nullable()) {
      code.add(".withNullable(true)");
    }
    if (column.comment() != null) {
      code.add("$Z.withComment($S)", column.comment());
    }
    return code.build();
  }

  /**
   * The shortest expression that rebuilds {@code type}: a {@code Ddl} factory ({@code
   * varchar(255)}, {@code numeric(38, 2)}, {@code timestamptz(6)}), {@code type("name")} for a type
   * without modifiers that has no factory ({@code type("citext")}, {@code type("varchar")} for a
   * varchar without length, {@code type("timetz")}), or the record's constructor for modifiers no
   * factory expresses ({@code new SqlType("numeric", null, 10, null)}).
   */
  static CodeBlock type(SqlType type) {
    String name = type.name();
    boolean noLength = type.length() == null;
    boolean noPrecision = type.precision() == null;
    boolean noScale = type.scale() == null;
    if (PLAIN_TYPE_FACTORIES.containsKey(name) && noLength && noPrecision && noScale) {
      return CodeBlock.of("$L()", PLAIN_TYPE_FACTORIES.get(name));
    }
    if (name.equals("varchar") && !noLength && noPrecision && noScale) {
      return CodeBlock.of("varchar($L)", type.length());
    }
    if (name.equals("char") && !noLength && noPrecision && noScale) {
      return CodeBlock.of("character($L)", type.length());
    }
    if (name.equals("numeric") && noLength && !noPrecision && !noScale) {
      return CodeBlock.of("numeric($L, $L)", type.precision(), type.scale());
    }
    if (TIME_TYPE_FACTORIES.containsKey(name) && noLength && !noPrecision && noScale) {
      return CodeBlock.of("$L($L)", TIME_TYPE_FACTORIES.get(name), type.precision());
    }
    if (type.equals(SqlType.of(name))) {
      return CodeBlock.of("type($S)", name);
    }
    return CodeBlock.of(
        "new $T($S, $L, $L, $L)",
        SqlType.class,
        name,
        type.length(),
        type.precision(),
        type.scale());
  }

  static CodeBlock primaryKey(PrimaryKey primaryKey) {
    return CodeBlock.of("primaryKey($S$L)", primaryKey.name(), moreStrings(primaryKey.columns()));
  }

  static CodeBlock unique(UniqueConstraint constraint) {
    return CodeBlock.of("unique($S$L)", constraint.name(), moreStrings(constraint.columns()));
  }

  static CodeBlock check(CheckConstraint constraint) {
    return CodeBlock.of("check($S, $S)", constraint.name(), constraint.expression());
  }

  /**
   * {@code index("name", "a", "b")} or {@code uniqueIndex(...)} when every key is an ascending
   * column, else with one key expression each ({@code asc("a")}, {@code desc("b")}, {@code
   * expression("lower(email)")}, {@code expression("x").desc()}); then {@code .withMethod("gin")},
   * {@code .withInclude(...)} and {@code .withWhere("...")} as needed.
   */
  static CodeBlock index(Index index) {
    String factory = index.unique() ? "uniqueIndex" : "index";
    CodeBlock.Builder code = CodeBlock.builder();
    if (index.keys().stream().allMatch(IndexKey::isPlainColumn)) {
      code.add(
          "$L($S$L)",
          factory,
          index.name(),
          moreStrings(index.keys().stream().map(IndexKey::column).toList()));
    } else {
      code.add("$L($S", factory, index.name());
      for (IndexKey key : index.keys()) {
        if (key.column() != null) {
          code.add(", $L($S)", key.descending() ? "desc" : "asc", key.column());
        } else {
          code.add(
              ",$W$L($S)$L", "expression", key.expression(), key.descending() ? ".desc()" : "");
        }
      }
      code.add(")");
    }
    if (!index.method().equals(Index.BTREE)) {
      code.add("$Z.withMethod($S)", index.method());
    }
    if (!index.include().isEmpty()) {
      code.add(
          "$Z.withInclude($L)",
          CodeBlock.join(index.include().stream().map(c -> CodeBlock.of("$S", c)).toList(), ", "));
    }
    if (index.where() != null) {
      code.add("$Z.withWhere($S)", index.where());
    }
    return code.build();
  }

  /**
   * {@code foreignKey("name", columns...).references("table", columns...)}, or {@code
   * .referencesInSchema(...)} for a table in another schema, then {@code .withActions(onDelete,
   * onUpdate)} unless both are {@code NO ACTION}, then {@code .withDeferrable(true,
   * initiallyDeferred)} for a deferrable one.
   */
  static CodeBlock foreignKey(ForeignKey foreignKey) {
    CodeBlock.Builder code =
        CodeBlock.builder()
            .add("foreignKey($S$L)", foreignKey.name(), moreStrings(foreignKey.columns()));
    if (foreignKey.referencedSchema() == null) {
      code.add(
          "$Z.references($S$L)",
          foreignKey.referencedTable(),
          moreStrings(foreignKey.referencedColumns()));
    } else {
      code.add(
          "$Z.referencesInSchema($S, $S$L)",
          foreignKey.referencedSchema(),
          foreignKey.referencedTable(),
          moreStrings(foreignKey.referencedColumns()));
    }
    if (foreignKey.onDelete() != ReferentialAction.NO_ACTION
        || foreignKey.onUpdate() != ReferentialAction.NO_ACTION) {
      code.add(
          "$Z.withActions($T.$L, $T.$L)",
          ReferentialAction.class,
          foreignKey.onDelete().name(),
          ReferentialAction.class,
          foreignKey.onUpdate().name());
    }
    if (foreignKey.deferrable()) {
      code.add("$Z.withDeferrable(true, $L)", foreignKey.initiallyDeferred());
    }
    return code.build();
  }

  /**
   * {@code sequence("name", start, increment)}, then {@code .withMinValue(m)}, {@code
   * .withMaxValue(x)} and {@code .withOwnedBy("table.column")} as needed; the schema goes through
   * {@code op.inSchema(...)}.
   */
  static CodeBlock sequence(Sequence sequence) {
    CodeBlock.Builder code =
        CodeBlock.builder()
            .add(
                "sequence($S, $L, $L)",
                sequence.name(),
                longLiteral(sequence.start()),
                longLiteral(sequence.increment()));
    if (sequence.minValue() != null) {
      code.add("$Z.withMinValue($L)", longLiteral(sequence.minValue()));
    }
    if (sequence.maxValue() != null) {
      code.add("$Z.withMaxValue($L)", longLiteral(sequence.maxValue()));
    }
    if (sequence.ownedBy() != null) {
      code.add("$Z.withOwnedBy($S)", sequence.ownedBy());
    }
    return code.build();
  }

  /** {@code , "a", "b"} for the trailing varargs of a factory; empty for no strings. */
  private static CodeBlock moreStrings(List<String> strings) {
    CodeBlock.Builder code = CodeBlock.builder();
    strings.forEach(s -> code.add(", $S", s));
    return code.build();
  }

  /**
   * A {@code long} argument: an {@code int} literal when it fits (it widens), else with the {@code
   * L} suffix.
   */
  private static String longLiteral(long value) {
    return value == (int) value ? Long.toString(value) : value + "L";
  }
}
