package dev.migrate.processor;

import static dev.migrate.processor.Testing.compile;
import static dev.migrate.processor.Testing.describe;
import static dev.migrate.processor.Testing.entity;
import static dev.migrate.processor.Testing.lineOf;
import static dev.migrate.processor.Testing.snapshot;
import static dev.migrate.processor.Testing.source;
import static dev.migrate.processor.Testing.table;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.migrate.model.Column;
import dev.migrate.snapshot.Snapshot;
import dev.migrate.snapshot.Snapshot.ModelProblem;
import java.util.List;
import java.util.Locale;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code @JdbcType} and {@code @JavaType} classes, Hibernate's own and the application's: the
 * column each gives, and the unmodelled warning for a class whose JDBC type is decided by its code
 * (Hibernate's metadata agrees with each column here: {@code OracleRegressionTest} in {@code it}).
 */
class JdbcTypeClassesTest {

  private static final String JDBC = "org.hibernate.type.descriptor.jdbc.";

  private static final JavaFileObject SHORT_TEXT =
      source(
          "com.acme.ShortText",
          "package com.acme;\npublic class ShortText extends " + JDBC + "VarcharJdbcType {}\n");

  private static final JavaFileObject CODED_TEXT =
      source(
          "com.acme.CodedText",
          """
          package com.acme;
          public class CodedText extends org.hibernate.type.descriptor.jdbc.VarcharJdbcType {
            @Override public int getJdbcTypeCode() { return java.sql.Types.NVARCHAR; }
          }
          """);

  private static final JavaFileObject MONEY =
      source(
          "com.acme.Money",
          "package com.acme;\npublic class Money implements java.io.Serializable {}\n");

  private static final JavaFileObject MONEY_JAVA_TYPE =
      source(
          "com.acme.MoneyJavaType",
          """
          package com.acme;
          import org.hibernate.type.descriptor.WrapperOptions;
          public class MoneyJavaType
              extends org.hibernate.type.descriptor.java.AbstractClassJavaType<Money> {
            public MoneyJavaType() { super(Money.class); }
            @Override public <X> X unwrap(Money value, Class<X> type, WrapperOptions options) {
              return null;
            }
            @Override public <X> Money wrap(X value, WrapperOptions options) { return null; }
          }
          """);

  private static final JavaFileObject COUNTER =
      source(
          "com.acme.Counter",
          "package com.acme;\n"
              + "public class Counter extends org.hibernate.type.descriptor.java.IntegerJavaType {}\n");

  private static List<Column> columns(Compilation c, String table) {
    assertThat(c.warnings()).as(describe(c.diagnostics())).isEmpty();
    return table(snapshot(c), table).columns();
  }

  private static String type(List<Column> columns, String name) {
    return columns.stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no column " + name + " in " + columns))
        .type()
        .toString();
  }

  @Test
  void hibernatesJdbcTypeClassesMapAsTheirTypeCode() {
    JavaFileObject typed =
        entity(
            "Typed",
            """
            @Entity
            public class Typed {
              @Id private Long id;
              @org.hibernate.annotations.JdbcType(org.hibernate.type.descriptor.jdbc.VarcharJdbcType.class)
              private Integer a;
              @org.hibernate.annotations.JdbcType(org.hibernate.type.descriptor.jdbc.CharJdbcType.class)
              private java.util.UUID b;
              @org.hibernate.annotations.JdbcType(org.hibernate.type.descriptor.jdbc.NumericJdbcType.class)
              private Long c;
              @org.hibernate.annotations.JdbcType(org.hibernate.type.descriptor.jdbc.LongVarcharJdbcType.class)
              private String d;
              @org.hibernate.annotations.JdbcType(org.hibernate.type.descriptor.jdbc.TimeWithTimeZoneJdbcType.class)
              private java.time.OffsetTime e;
              @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.SQLXML)
              private String f;
            }
            """);
    List<Column> columns = columns(compile(List.of("-Amigrate.hibernate=6.6"), typed), "typed");
    assertThat(type(columns, "a")).isEqualTo("varchar(11)");
    assertThat(type(columns, "b")).isEqualTo("char(36)");
    assertThat(type(columns, "c")).isEqualTo("numeric(19,0)");
    assertThat(type(columns, "d")).isEqualTo("varchar(32600)");
    assertThat(type(columns, "e")).isEqualTo("timetz(6)");
    assertThat(type(columns, "f")).isEqualTo("xml");
    List<Column> seven = columns(compile(List.of("-Amigrate.hibernate=7.2"), typed), "typed");
    assertThat(type(seven, "e")).isEqualTo("timetz(0)");
  }

  @Test
  void anApplicationSubclassThatOverridesNothingMapsAsHibernatesClass() {
    JavaFileObject ledger =
        entity(
            "Ledger",
            """
            @Entity
            public class Ledger {
              @Id private Long id;
              @org.hibernate.annotations.JdbcType(ShortText.class) private Integer a;
              @org.hibernate.annotations.JavaType(Counter.class) private Integer c;
              @org.hibernate.annotations.JavaType(Counter.class)
              @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.VARCHAR)
              private Integer d;
              @org.hibernate.annotations.JdbcType(org.hibernate.type.descriptor.jdbc.VarcharJdbcType.class)
              @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.BIGINT)
              private Integer e;
              @org.hibernate.annotations.JavaType(MoneyJavaType.class)
              @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.VARCHAR)
              private Money f;
            }
            """);
    List<Column> columns =
        columns(compile(ledger, SHORT_TEXT, COUNTER, MONEY, MONEY_JAVA_TYPE), "ledger");
    assertThat(type(columns, "a")).isEqualTo("varchar(11)");
    assertThat(type(columns, "c")).isEqualTo("integer");
    assertThat(type(columns, "d")).isEqualTo("varchar(11)");
    assertThat(type(columns, "e")).as("@JdbcType wins over @JdbcTypeCode").isEqualTo("varchar(11)");
    assertThat(type(columns, "f")).isEqualTo("varchar(255)");
  }

  @Test
  void aClassThatDecidesByCodeIsUnmodelledAndTheCompileStaysGreen() {
    JavaFileObject ledger =
        entity(
            "Ledger",
            """
            @Entity
            public class Ledger {
              @Id private Long id;
              @org.hibernate.annotations.JdbcType(CodedText.class) private String a;
              @org.hibernate.annotations.JavaType(MoneyJavaType.class) private Money b;
              @org.hibernate.annotations.JdbcType(org.hibernate.type.descriptor.jdbc.BlobJdbcType.class)
              private byte[] c;
              private String d;
            }
            """);
    Compilation c = compile(ledger, CODED_TEXT, MONEY, MONEY_JAVA_TYPE);
    assertThat(c.status()).as(describe(c.diagnostics())).isEqualTo(Compilation.Status.SUCCESS);
    String codedText =
        Message.TYPE_CLASS_NOT_MODELLED.format(
            "@JdbcType",
            "com.acme.CodedText",
            "Ledger.a",
            "com.acme.CodedText overrides getJdbcTypeCode, so its JDBC type is decided by code");
    String money =
        Message.TYPE_CLASS_NOT_MODELLED.format(
            "@JavaType",
            "com.acme.MoneyJavaType",
            "Ledger.b",
            "com.acme.MoneyJavaType extends none of Hibernate's JavaType classes for a basic Java"
                + " type (IntegerJavaType, StringJavaType, ...), so its JDBC type is decided by code");
    String blob =
        Message.TYPE_CLASS_NOT_MODELLED.format(
            "@JdbcType",
            JDBC + "BlobJdbcType",
            "Ledger.c",
            JDBC
                + "BlobJdbcType is abstract or has no public no-argument constructor, so Hibernate"
                + " cannot instantiate it either");
    assertThat(c.warnings())
        .extracting(w -> w.getMessage(Locale.ROOT))
        .containsExactly(
            codedText + Reporter.INCOMPLETE,
            money + Reporter.INCOMPLETE,
            blob + Reporter.INCOMPLETE);
    assertThat(c.warnings())
        .extracting(w -> w.getLineNumber())
        .containsExactly(
            lineOf(ledger, "(CodedText.class)"),
            lineOf(ledger, "(MoneyJavaType.class)"),
            lineOf(ledger, "BlobJdbcType"));
    Snapshot snapshot = snapshot(c);
    assertThat(snapshot.isComplete()).isFalse();
    assertThat(snapshot.capture().problems())
        .containsExactly(
            new ModelProblem("com.acme.Ledger.a", "ledger", "a", codedText),
            new ModelProblem("com.acme.Ledger.b", "ledger", "b", money),
            new ModelProblem("com.acme.Ledger.c", "ledger", "c", blob));
    assertThat(table(snapshot, "ledger").columns())
        .extracting(Column::name)
        .containsExactly("id", "d");
  }

  @Test
  void aColumnDefinitionOrAJdbcTypeCodeDecidesInstead() {
    JavaFileObject ledger =
        entity(
            "Ledger",
            """
            @Entity
            public class Ledger {
              @Id private Long id;
              @org.hibernate.annotations.JdbcType(CodedText.class)
              @Column(columnDefinition = "varchar(20)")
              private String a;
              @org.hibernate.annotations.JavaType(MoneyJavaType.class)
              @Column(columnDefinition = "numeric(12,2)")
              private Money b;
              @org.hibernate.annotations.JavaType(MoneyJavaType.class)
              @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.VARCHAR)
              @Column(length = 40)
              private Money c;
            }
            """);
    List<Column> columns = columns(compile(ledger, CODED_TEXT, MONEY, MONEY_JAVA_TYPE), "ledger");
    assertThat(type(columns, "a")).isEqualTo("varchar(20)");
    assertThat(type(columns, "b")).isEqualTo("numeric(12,2)");
    assertThat(type(columns, "c")).isEqualTo("varchar(40)");
  }

  @Test
  void aJdbcTypeMigrateDoesNotMirrorForTheJavaTypeIsUnmodelled() {
    JavaFileObject flags =
        entity(
            "Flags",
            """
            @Entity
            public class Flags {
              @Id private Long id;
              @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.CHAR)
              private Boolean active;
            }
            """);
    Compilation c = compile(flags);
    assertThat(c.status()).isEqualTo(Compilation.Status.SUCCESS);
    assertThat(c.warnings())
        .extracting(w -> w.getMessage(Locale.ROOT))
        .containsExactly(
            "@JdbcTypeCode(1) with Java type java.lang.Boolean on Flags.active is not supported yet."
                + " Migrate does not mirror the column Hibernate makes for this pair. State the column"
                + " type with @Column(columnDefinition = \"...\")."
                + Reporter.INCOMPLETE);
  }

  @Test
  void anApplicationCollectionIdJdbcTypeThatDecidesByCodeIsUnmodelled() {
    JavaFileObject wide =
        source(
            "com.acme.Wide",
            """
            package com.acme;
            public class Wide extends org.hibernate.type.descriptor.jdbc.BigIntJdbcType {
              @Override public int getDefaultSqlTypeCode() { return java.sql.Types.NUMERIC; }
            }
            """);
    JavaFileObject narrow =
        source(
            "com.acme.Narrow",
            "package com.acme;\npublic class Narrow extends " + JDBC + "IntegerJdbcType {}\n");
    JavaFileObject claim =
        entity(
            "Claim",
            """
            @Entity
            public class Claim {
              @Id private Long id;
              @ElementCollection
              @org.hibernate.annotations.CollectionId(column = @Column(name = "note_id"), generator = "increment")
              @org.hibernate.annotations.CollectionIdJdbcType(Wide.class)
              private java.util.List<String> notes;
              @ElementCollection
              @org.hibernate.annotations.CollectionId(column = @Column(name = "tag_id"), generator = "increment")
              @org.hibernate.annotations.CollectionIdJdbcType(Narrow.class)
              private java.util.List<String> tags;
            }
            """);
    Compilation c = compile(claim, wide, narrow);
    assertThat(c.status()).isEqualTo(Compilation.Status.SUCCESS);
    assertThat(c.warnings())
        .extracting(w -> w.getMessage(Locale.ROOT))
        .containsExactly(
            Message.TYPE_CLASS_NOT_MODELLED.format(
                    "@CollectionIdJdbcType",
                    "com.acme.Wide",
                    "Claim.notes",
                    "com.acme.Wide overrides getDefaultSqlTypeCode, so its JDBC type is decided by"
                        + " code")
                + Reporter.INCOMPLETE);
    assertThat(type(table(snapshot(c), "claim_tags").columns(), "tag_id")).isEqualTo("integer");
  }

  @Test
  void aMapKeyIsTypedByTheMapKeyAnnotationsOnly() {
    JavaFileObject keyed =
        entity(
            "Keyed",
            """
            @Entity
            public class Keyed {
              @Id private Long id;
              @ElementCollection
              @org.hibernate.annotations.MapKeyJdbcTypeCode(org.hibernate.type.SqlTypes.VARCHAR)
              @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.NUMERIC)
              private java.util.Map<Integer, Long> amounts;
              @ElementCollection
              @org.hibernate.annotations.JdbcType(org.hibernate.type.descriptor.jdbc.VarcharJdbcType.class)
              private java.util.Map<Long, Integer> counts;
            }
            """);
    Compilation c = compile(keyed);
    List<Column> amounts = columns(c, "keyed_amounts");
    assertThat(type(amounts, "amounts_key")).isEqualTo("varchar(11)");
    assertThat(type(amounts, "amounts")).isEqualTo("numeric(19,0)");
    List<Column> counts = columns(c, "keyed_counts");
    assertThat(type(counts, "counts_key")).isEqualTo("bigint");
    assertThat(type(counts, "counts")).isEqualTo("varchar(11)");
  }

  @Test
  void aJavaTypeThatSizesByCodeIsUnmodelledEvenWithAJdbcTypeCode() {
    JavaFileObject sized =
        source(
            "com.acme.SizedCounter",
            """
            package com.acme;
            public class SizedCounter extends org.hibernate.type.descriptor.java.IntegerJavaType {
              @Override public long getDefaultSqlLength(
                  org.hibernate.dialect.Dialect dialect,
                  org.hibernate.type.descriptor.jdbc.JdbcType jdbcType) {
                return 64;
              }
            }
            """);
    JavaFileObject ledger =
        entity(
            "Ledger",
            """
            @Entity
            public class Ledger {
              @Id private Long id;
              @org.hibernate.annotations.JavaType(SizedCounter.class)
              @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.VARCHAR)
              private Integer a;
              @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.VARCHAR)
              private java.util.Currency b;
            }
            """);
    Compilation c = compile(ledger, sized);
    assertThat(c.status()).isEqualTo(Compilation.Status.SUCCESS);
    assertThat(c.warnings())
        .extracting(w -> w.getMessage(Locale.ROOT))
        .containsExactly(
            Message.TYPE_CLASS_NOT_MODELLED.format(
                    "@JavaType",
                    "com.acme.SizedCounter",
                    "Ledger.a",
                    "com.acme.SizedCounter overrides getDefaultSqlLength, so its column's size is"
                        + " decided by code")
                + Reporter.INCOMPLETE);
    assertThat(type(table(snapshot(c), "ledger").columns(), "b")).isEqualTo("varchar(3)");
  }
}
