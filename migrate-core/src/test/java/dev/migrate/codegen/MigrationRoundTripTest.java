package dev.migrate.codegen;

import static dev.migrate.runtime.Ddl.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.model.Column;
import dev.migrate.model.ForeignKey;
import dev.migrate.model.Identity;
import dev.migrate.model.Index;
import dev.migrate.model.ReferentialAction;
import dev.migrate.model.Sequence;
import dev.migrate.model.SqlType;
import dev.migrate.model.Table;
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
import dev.migrate.ops.RenameColumn;
import dev.migrate.ops.RenameTable;
import dev.migrate.ops.SetTableComment;
import dev.migrate.ops.ValidateConstraint;
import dev.migrate.runtime.Migration;
import dev.migrate.runtime.Operations;
import dev.migrate.runtime.Revision;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Render → compile → run against a recording {@link Operations} → the very ops: for every op record
 * type, every {@link SqlType} shape, every column, foreign key and sequence variant, and strings
 * that need escaping.
 */
class MigrationRoundTripTest {

  private static final String PACKAGE = "com.acme.db.migrations";

  /** Every shape a {@link SqlType} can take: factories, {@code type(name)}, and the constructor. */
  static List<SqlType> everyTypeShape() {
    return List.of(
        smallint(),
        integer(),
        bigint(),
        real(),
        doublePrecision(),
        bool(),
        text(),
        bytea(),
        uuid(),
        date(),
        jsonb(),
        varchar(255),
        character(3),
        numeric(38, 2),
        numeric(5, -2),
        timestamp(6),
        timestamp(0),
        timestamptz(3),
        time(6),
        type("citext"),
        type("integer[]"),
        type("character varying"),
        type("json"),
        type("interval"),
        type("oid"),
        type("varchar"),
        type("char"),
        type("numeric"),
        type("timetz"),
        new SqlType("timetz", null, 3, null),
        new SqlType("numeric", null, 10, null),
        new SqlType("numeric", null, null, 2),
        new SqlType("varchar", 10, 2, null),
        new SqlType("bit", 8, null, null),
        new SqlType("interval", null, 3, null),
        new SqlType("timestamp", 4, 2, 1),
        new SqlType("TEXT", null, null, null),
        SqlType.of("Double Precision"));
  }

  static List<Column> everyColumnShape() {
    List<Column> columns = new ArrayList<>();
    List<SqlType> types = everyTypeShape();
    for (int i = 0; i < types.size(); i++) {
      columns.add(column("c" + i, types.get(i)));
    }
    columns.add(column("not_null", text()).notNull());
    columns.add(column("with_default", text()).withDefault("'it''s \"quoted\" \\ $1 \n é ☃ */'"));
    columns.add(column("not_null_default", integer()).notNull().withDefault("0"));
    columns.add(column("id_by_default", bigint()).asIdentity());
    columns.add(column("id_always", bigint()).withIdentity(Identity.ALWAYS));
    columns.add(column("id_default", bigint()).withDefault("1").asIdentity());
    columns.add(
        column("nullable_identity", bigint()).withIdentity(Identity.ALWAYS).withNullable(true));
    columns.add(column("nullable_identity2", bigint()).asIdentity().withNullable(true));
    columns.add(column("Mixed Case-Name", varchar(10)));
    columns.add(column("commented", text()).notNull().withComment("it's \"quoted\" \\u0041 */ ☃"));
    return columns;
  }

  static List<ForeignKey> everyForeignKeyShape() {
    List<ForeignKey> keys = new ArrayList<>();
    keys.add(foreignKey("fk_plain", "a").references("other", "id"));
    keys.add(foreignKey("fk_schema", "a", "b").referencesInSchema("rfx_user", "other", "x", "y"));
    for (ReferentialAction onDelete : ReferentialAction.values()) {
      for (ReferentialAction onUpdate : ReferentialAction.values()) {
        keys.add(
            foreignKey("fk_" + onDelete + "_" + onUpdate, "a")
                .references("other", "id")
                .withActions(onDelete, onUpdate));
      }
    }
    keys.add(
        foreignKey("fk_deferrable", "a").references("other", "id").withDeferrable(true, false));
    keys.add(
        foreignKey("fk_deferred", "a")
            .referencesInSchema("s", "other", "id")
            .withActions(ReferentialAction.CASCADE, null)
            .withDeferrable(true, true));
    keys.add(new ForeignKey("fk_no_columns", List.of(), null, "other", List.of(), null, null));
    return keys;
  }

  static List<Index> everyIndexShape() {
    return List.of(
        index("i_desc", desc("a")),
        uniqueIndex(
            "i_mixed",
            asc("a"),
            desc("b"),
            expression("lower(\"Mixed\"::text)"),
            expression("a + 1").desc()),
        index("i_gin", "tags").withMethod("gin"),
        index("i_brin", asc("at")).withMethod("brin").withWhere("at > '2020-01-01'"),
        uniqueIndex("i_include", "a")
            .withInclude("b", "Order")
            .withWhere("deleted IS NULL AND x <> 'it''s'"),
        index("i_hash", expression("md5(payload)")).withMethod("hash"));
  }

  /** A list of ops with every op record, schema-less and schema-qualified, all reversible. */
  static List<Op> everyOp() {
    List<Op> ops = new ArrayList<>();
    Table everything =
        Table.of(
            null,
            "everything",
            Stream.<dev.migrate.model.TableElement>concat(
                    everyColumnShape().stream(),
                    Stream.of(
                        primaryKey("everything_pkey", "id_by_default", "c0"),
                        unique("everything_u1", "c1"),
                        unique("everything_u2", "c2", "c3"),
                        check("everything_c1", "c1 > 0 AND c2 <> 'x'"),
                        index("everything_i1", "c4"),
                        uniqueIndex("everything_i2", "c5", "c6"),
                        foreignKey("everything_fk", "c7")
                            .references("other", "id")
                            .withActions(ReferentialAction.SET_NULL, null)))
                .toList());
    ops.add(new CreateTable(everything));
    ops.add(new CreateTable(everything.inSchema("tenant-1")));
    ops.add(new CreateTable(table("empty")));
    ops.add(new CreateSchema("billing"));
    ops.add(new DropSchema("Tenant-1"));
    ops.add(
        new CreateTable(
            table("commented", column("id", bigint())).withComment("a \"table\"\ncomment")));
    ops.add(new CreateTable(table("commented_empty").withComment("")));
    ops.add(new CreateTable(table("only_pk", primaryKey("only_pk_pkey"))));
    ops.add(
        new DropTable(
            table("old", column("id", bigint()).notNull(), primaryKey("old_pkey", "id"))));
    ops.add(new DropTable(table("old").inSchema("archive")));
    for (String schema : new String[] {null, "rfx_user"}) {
      for (Column c : everyColumnShape()) {
        ops.add(new AddColumn(schema, "t", c));
        ops.add(new DropColumn(schema, "t", c));
      }
      ops.add(
          new AlterColumn(
              schema, "t", column("x", varchar(255)).notNull(), column("x", varchar(100))));
      ops.add(
          new AlterColumn(schema, "t", column("x", integer()), column("x", bigint()).asIdentity()));
      ops.add(
          new AlterColumn(
              schema, "t", column("x", text()), column("x", text()).withComment("note")));
      ops.add(new SetTableComment(schema, "t", null, "Orders"));
      ops.add(new RenameTable(schema, "client", "Customer Table"));
      ops.add(new CreateEnumType(enumType("mood", "sad", "it's \"ok\"").inSchema(schema)));
      ops.add(new DropEnumType(enumType("empty").inSchema(schema)));
      ops.add(new RenameColumn(schema, "t", "fax", "phone"));
      ops.add(new SetTableComment(schema, "t", "Orders", "it's"));
      ops.add(new AddPrimaryKey(schema, "t", primaryKey("t_pkey", "a", "b")));
      ops.add(new DropPrimaryKey(schema, "t", primaryKey("t_pkey2", "a")));
      ops.add(new AddUniqueConstraint(schema, "t", unique("t_u", "a", "b")));
      ops.add(new DropUniqueConstraint(schema, "t", unique("t_u2")));
      ops.add(new AddCheckConstraint(schema, "t", check("t_c", "a ~ '^\\d+$'")));
      ops.add(new DropCheckConstraint(schema, "t", check("t_c2", "b IS NOT NULL")));
      ops.add(new CreateIndex(schema, "t", index("t_i", "a")));
      ops.add(new DropIndex(schema, "t", uniqueIndex("t_i3", "a", "b", "c")));
      for (Index index : everyIndexShape()) {
        ops.add(new CreateIndex(schema, "t", index));
        ops.add(new DropIndex(schema, "t", index, true));
        ops.add(new CreateIndex(schema, "t", index, true));
      }
      for (ForeignKey fk : everyForeignKeyShape()) {
        ops.add(new AddForeignKey(schema, "t", fk));
        ops.add(new DropForeignKey(schema, "t", fk));
        ops.add(new AddForeignKey(schema, "t", fk, true));
        ops.add(new ValidateConstraint(schema, "t", fk.name()));
      }
      ops.add(new AddCheckConstraint(schema, "t", check("t_c3", "a > 0"), true));
      ops.add(new ValidateConstraint(schema, "t", "t_c3"));
      ops.add(
          new AlterColumn(schema, "t", column("y", text()), column("y", text()).notNull(), true));
      for (Sequence s :
          List.of(
              sequence("s1", 1, 50),
              sequence("s2", -5, -1),
              sequence("s3", Long.MAX_VALUE, 1),
              sequence("s4", Long.MIN_VALUE, Integer.MIN_VALUE),
              sequence("s5", 2147483648L, 2147483647L))) {
        ops.add(new CreateSequence(s.inSchema(schema)));
        ops.add(new DropSequence(s.inSchema(schema)));
      }
      Sequence bounded =
          sequence("s6", 1, 50).withMinValue(-3).withMaxValue(3_000_000_000L).withOwnedBy("t.id");
      ops.add(new CreateSequence(bounded.inSchema(schema)));
      ops.add(new AlterSequence(sequence("s6", 1, 1).inSchema(schema), bounded.inSchema(schema)));
    }
    ops.add(new ExecuteSql("UPDATE t SET a = 'x\"y' WHERE b = $1", "UPDATE t SET a = NULL"));
    ops.add(
        new ExecuteSql(
            "UPDATE t\n   SET a = '\\u0041 \u00e9 \\n'\n WHERE c = 1;\n", "SELECT 1 /* */"));
    return ops;
  }

  @Test
  void everyOpRoundTripsThroughGeneratedCode() throws Exception {
    List<Op> upgrade = everyOp();
    List<Op> downgrade = MigrationSpec.downgradeOf(upgrade);
    var spec =
        new MigrationSpec(
            PACKAGE,
            "R20261121_153012_Everything",
            "3f2a9c1d7b04",
            List.of("9b1e4c2a7d10"),
            "everything: \"quotes\", \\u0041, */ <b> @x",
            upgrade,
            downgrade,
            List.of("note with */ and \\u0022"));
    String source = new MigrationWriter().render(spec);

    Class<?> type = compile(PACKAGE + "." + spec.className(), source);
    Migration migration = (Migration) type.getDeclaredConstructor().newInstance();

    assertThat(record(migration::upgrade)).containsExactlyElementsOf(upgrade);
    assertThat(record(migration::downgrade)).containsExactlyElementsOf(downgrade);
    Revision revision = type.getAnnotation(Revision.class);
    assertThat(revision.id()).isEqualTo("3f2a9c1d7b04");
    assertThat(revision.revises()).containsExactly("9b1e4c2a7d10");
    assertThat(revision.message()).isEqualTo(spec.message());
  }

  @Test
  void enumValuesRoundTripAndTheirDowngradeRemovesThem() throws Exception {
    List<Op> upgrade =
        List.of(
            new AddEnumValue(null, "mood", "happy", null, null),
            new AddEnumValue("app", "mood", "meh", "sad", null),
            new AddEnumValue(null, "mood", "glad", null, "sad"),
            new AddColumn(null, "t", column("m", type("mood"))));
    var spec =
        MigrationSpec.autogen(PACKAGE, "R1", "abc", List.of(), "enum values", upgrade, List.of());
    String source = new MigrationWriter().render(spec);
    assertThat(source)
        .contains("    op.inSchema(\"app\").dropEnumValueBefore(\"mood\", \"meh\", \"sad\");");
    Migration migration =
        (Migration) compile(PACKAGE + ".R1", source).getDeclaredConstructor().newInstance();
    assertThat(record(migration::upgrade)).containsExactlyElementsOf(upgrade);
    assertThat(record(migration::downgrade))
        .containsExactly(
            new DropColumn(null, "t", column("m", type("mood"))),
            new DropEnumValue(null, "mood", "glad", null, "sad"),
            new DropEnumValue("app", "mood", "meh", "sad", null),
            new DropEnumValue(null, "mood", "happy", null, null));
  }

  @Test
  void irreversibleSqlAndMergeAnnotationsRoundTrip() throws Exception {
    List<Op> upgrade =
        List.of(new ExecuteSql("DELETE FROM audit WHERE at < now() - interval '1 year'", null));
    var spec =
        new MigrationSpec(
            "",
            "R20261121_153012",
            "abc",
            List.of("a", "b", "c"),
            "",
            upgrade,
            List.of(),
            List.of());
    Class<?> type = compile(spec.className(), new MigrationWriter().render(spec));
    Migration migration = (Migration) type.getDeclaredConstructor().newInstance();
    assertThat(record(migration::upgrade)).containsExactlyElementsOf(upgrade);
    assertThat(record(migration::downgrade)).isEmpty();
    Revision revision = type.getAnnotation(Revision.class);
    assertThat(revision.revises()).containsExactly("a", "b", "c");
    assertThat(revision.message()).isEmpty();
  }

  @Test
  void everyGoldenFileCompiles() throws Exception {
    for (String name :
        List.of(
            "add_column",
            "create_tables",
            "drop_and_narrow",
            "revision_template",
            "merge",
            "comments",
            "renames",
            "sequences",
            "indexes",
            "schemas_and_enum_types",
            "safe_forms")) {
      String source =
          java.nio.file.Files.readString(Path.of("src/test/resources/codegen", name + ".java.txt"));
      String className =
          source
              .lines()
              .filter(l -> l.startsWith("public class "))
              .findFirst()
              .orElseThrow()
              .split(" ")[2];
      Class<?> type = compile(PACKAGE + "." + className, source);
      Migration migration = (Migration) type.getDeclaredConstructor().newInstance();
      List<Op> up = record(migration::upgrade);
      assertThat(record(migration::downgrade)).as(name).isEqualTo(MigrationSpec.downgradeOf(up));
    }
  }

  private static List<Op> record(java.util.function.Consumer<Operations> method) {
    List<Op> recorded = new ArrayList<>();
    method.accept(new Operations(recorded::add));
    return recorded;
  }

  // ------------------------------------------------------------------------------- in-memory
  // compilation

  /**
   * Compiles one source file against the test class path and loads {@code className} from the
   * result.
   */
  static Class<?> compile(String className, String source) throws Exception {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    StandardJavaFileManager standard = compiler.getStandardFileManager(null, null, null);
    Map<String, ByteArrayOutputStream> classes = new HashMap<>();
    JavaFileManager files =
        new ForwardingJavaFileManager<>(standard) {
          @Override
          public JavaFileObject getJavaFileForOutput(
              Location location, String name, JavaFileObject.Kind kind, FileObject sibling) {
            return new SimpleJavaFileObject(
                URI.create("mem:///" + name.replace('.', '/') + kind.extension), kind) {
              @Override
              public OutputStream openOutputStream() {
                return classes.computeIfAbsent(name, n -> new ByteArrayOutputStream());
              }
            };
          }
        };
    JavaFileObject file =
        new SimpleJavaFileObject(
            URI.create("string:///" + className.replace('.', '/') + ".java"),
            JavaFileObject.Kind.SOURCE) {
          @Override
          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return source;
          }
        };
    StringWriter diagnostics = new StringWriter();
    boolean ok =
        compiler
            .getTask(
                diagnostics,
                files,
                null,
                List.of("-classpath", classPath(), "-Xlint:all", "-Werror", "-proc:none"),
                null,
                List.of(file))
            .call();
    assertThat(ok).as("compiles without warnings:\n%s\n%s", diagnostics, numbered(source)).isTrue();
    ClassLoader loader =
        new ClassLoader(MigrationRoundTripTest.class.getClassLoader()) {
          @Override
          protected Class<?> findClass(String name) throws ClassNotFoundException {
            ByteArrayOutputStream bytes = classes.get(name);
            if (bytes == null) {
              throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes.toByteArray(), 0, bytes.size());
          }
        };
    return loader.loadClass(className);
  }

  /**
   * The test JVM's class path, plus where the runtime classes are (surefire may pass a
   * manifest-only jar).
   */
  private static String classPath() throws URISyntaxException {
    Set<String> entries =
        new LinkedHashSet<>(
            List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
    entries.add(
        Path.of(Migration.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .toString());
    return String.join(File.pathSeparator, entries);
  }

  private static String numbered(String source) {
    List<String> lines = source.lines().toList();
    return java.util.stream.IntStream.range(0, lines.size())
        .mapToObj(i -> String.format("%4d  %s", i + 1, lines.get(i)))
        .collect(Collectors.joining("\n"));
  }
}
