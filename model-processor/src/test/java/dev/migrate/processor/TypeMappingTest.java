package dev.migrate.processor;

import static dev.migrate.processor.Testing.compile;
import static dev.migrate.processor.Testing.entity;
import static dev.migrate.processor.Testing.snapshot;
import static dev.migrate.processor.Testing.table;
import static dev.migrate.runtime.Ddl.bigint;
import static dev.migrate.runtime.Ddl.bool;
import static dev.migrate.runtime.Ddl.bytea;
import static dev.migrate.runtime.Ddl.character;
import static dev.migrate.runtime.Ddl.column;
import static dev.migrate.runtime.Ddl.date;
import static dev.migrate.runtime.Ddl.doublePrecision;
import static dev.migrate.runtime.Ddl.integer;
import static dev.migrate.runtime.Ddl.numeric;
import static dev.migrate.runtime.Ddl.real;
import static dev.migrate.runtime.Ddl.smallint;
import static dev.migrate.runtime.Ddl.text;
import static dev.migrate.runtime.Ddl.time;
import static dev.migrate.runtime.Ddl.timestamp;
import static dev.migrate.runtime.Ddl.timestamptz;
import static dev.migrate.runtime.Ddl.type;
import static dev.migrate.runtime.Ddl.uuid;
import static dev.migrate.runtime.Ddl.varchar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.model.Column;
import dev.migrate.model.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Java field types to column types, as Hibernate 6.6 maps them with its PostgreSQLDialect. */
class TypeMappingTest {

  /** Compiles an entity with {@code fields} (declarations) and returns its columns after the id. */
  private static List<Column> columns(Map<String, Column> fields) {
    String body = fields.keySet().stream().map(f -> "  " + f + "\n").collect(Collectors.joining());
    var snapshot =
        snapshot(
            compile(
                entity(
                    "Sample",
                    "@Entity\npublic class Sample {\n  @Id private Long id;\n" + body + "}\n")));
    List<Column> columns = new ArrayList<>(table(snapshot, "sample").columns());
    assertThat(columns.remove(0)).isEqualTo(column("id", bigint()).notNull());
    return columns;
  }

  private static void assertMaps(Map<String, Column> fields) {
    assertThat(columns(fields)).containsExactlyInAnyOrderElementsOf(fields.values());
  }

  private static Map<String, Column> ordered(Object... declarationsAndColumns) {
    Map<String, Column> map = new java.util.LinkedHashMap<>();
    for (int i = 0; i < declarationsAndColumns.length; i += 2) {
      map.put((String) declarationsAndColumns[i], (Column) declarationsAndColumns[i + 1]);
    }
    return map;
  }

  @Test
  void primitivesAreNotNull() {
    assertMaps(
        ordered(
            "private long l;", column("l", bigint()).notNull(),
            "private int i;", column("i", integer()).notNull(),
            "private short s;", column("s", smallint()).notNull(),
            "private byte b;", column("b", smallint()).notNull(),
            "private boolean flag;", column("flag", bool()).notNull(),
            "private double d;", column("d", doublePrecision()).notNull(),
            "private float f;", column("f", real()).notNull(),
            "private char c;", column("c", character(1)).notNull()));
  }

  @Test
  void wrappersAreNullable() {
    assertMaps(
        ordered(
            "private Long l;", column("l", bigint()),
            "private Integer i;", column("i", integer()),
            "private Short s;", column("s", smallint()),
            "private Byte b;", column("b", smallint()),
            "private Boolean flag;", column("flag", bool()),
            "private Double d;", column("d", doublePrecision()),
            "private Float f;", column("f", real()),
            "private Character c;", column("c", character(1))));
  }

  @Test
  void textNumbersAndBinary() {
    assertMaps(
        ordered(
            "private String name;", column("name", varchar(255)),
            "@Column(length = 40) private String code;", column("code", varchar(40)),
            "@Column(length = 10485760) private String longest;",
                column("longest", varchar(10_485_760)),
            "@Column(length = 10485761) private String body;", column("body", text()),
            "private char[] letters;", column("letters", varchar(255)),
            "private java.math.BigDecimal amount;", column("amount", numeric(38, 2)),
            "@Column(precision = 10) private java.math.BigDecimal whole;",
                column("whole", numeric(10, 0)),
            "@Column(precision = 10, scale = 4) private java.math.BigDecimal rate;",
                column("rate", numeric(10, 4)),
            "private java.math.BigInteger big;", column("big", numeric(38, 0)),
            "@Column(precision = 6) private Double approx;", column("approx", real()),
            "@Column(precision = 8) private Float wide;", column("wide", doublePrecision()),
            "private byte[] data;", column("data", bytea()),
            "@Column(columnDefinition = \"bytea\") private Byte[] boxed;", column("boxed", bytea()),
            "private java.util.UUID token;", column("token", uuid())));
  }

  @Test
  void timeTypes() {
    assertMaps(
        ordered(
            "private java.time.LocalDate day;", column("day", date()),
            "private java.sql.Date sqlDay;", column("sqlday", date()),
            "private java.time.LocalTime at;", column("at", time(6)),
            "private java.sql.Time sqlAt;", column("sqlat", time(6)),
            "private java.time.LocalDateTime local;", column("local", timestamp(6)),
            "private java.sql.Timestamp stamp;", column("stamp", timestamp(6)),
            "private java.util.Date legacy;", column("legacy", timestamp(6)),
            "@Temporal(TemporalType.DATE) private java.util.Date legacyDay;",
                column("legacyday", date()),
            "@Temporal(TemporalType.TIME) private java.util.Calendar legacyAt;",
                column("legacyat", time(6)),
            "private java.time.OffsetDateTime offset;", column("offset", timestamptz(6)),
            "private java.time.ZonedDateTime zoned;", column("zoned", timestamptz(6)),
            "@Column(precision = 3) private java.time.Instant instant;",
                column("instant", timestamptz(6))));
  }

  @Test
  void nullability() {
    assertMaps(
        ordered(
            "@Column(nullable = false) private String a;", column("a", varchar(255)).notNull(),
            "@Basic(optional = false) private String b;", column("b", varchar(255)).notNull(),
            // a primitive's NOT NULL belongs to its implicit column only: Hibernate 6.6.33 and
            // 7.2.19
            // both make this one nullable (found by the generative oracle, OracleRegressionTest)
            "@Column(nullable = true) private int c;", column("c", integer()),
            "@Column(nullable = true) private String d;", column("d", varchar(255))));
  }

  @Test
  void columnDefinitionGivesTheType() {
    assertMaps(
        ordered(
            "@Column(columnDefinition = \"VARCHAR(20)\") private String a;",
            column("a", varchar(20)),
            "@Column(columnDefinition = \"int8\") private Long b;",
            column("b", bigint()),
            "@Column(columnDefinition = \"numeric(5, 1)\") private java.math.BigDecimal c;",
            column("c", numeric(5, 1)),
            "@Column(columnDefinition = \"timestamp with time zone\") private java.time.Instant d;",
            column("d", timestamptz(6)),
            "@Column(columnDefinition = \"jsonb\") private String e;",
            column("e", type("jsonb")),
            "@Column(columnDefinition = \"text\") private java.util.Map<String, String> f;",
            column("f", text())));
  }

  @Test
  void parsesColumnDefinitions() {
    assertThat(TypeMapping.parseDefinition("  Character  Varying ( 30 ) ")).isEqualTo(varchar(30));
    assertThat(TypeMapping.parseDefinition("varchar"))
        .isEqualTo(new SqlType("varchar", null, null, null));
    assertThat(TypeMapping.parseDefinition("char")).isEqualTo(character(1));
    assertThat(TypeMapping.parseDefinition("bpchar(3)")).isEqualTo(character(3));
    assertThat(TypeMapping.parseDefinition("int")).isEqualTo(integer());
    assertThat(TypeMapping.parseDefinition("INT2")).isEqualTo(smallint());
    assertThat(TypeMapping.parseDefinition("float4")).isEqualTo(real());
    assertThat(TypeMapping.parseDefinition("float(53)")).isEqualTo(doublePrecision());
    assertThat(TypeMapping.parseDefinition("double precision")).isEqualTo(doublePrecision());
    assertThat(TypeMapping.parseDefinition("bool")).isEqualTo(bool());
    assertThat(TypeMapping.parseDefinition("decimal(7)")).isEqualTo(numeric(7, 0));
    assertThat(TypeMapping.parseDefinition("timestamp(3) without time zone"))
        .isEqualTo(timestamp(3));
    assertThat(TypeMapping.parseDefinition("timestamptz")).isEqualTo(timestamptz(6));
    assertThat(TypeMapping.parseDefinition("time with time zone"))
        .isEqualTo(new SqlType("timetz", null, 6, null));
    assertThat(TypeMapping.parseDefinition("citext")).isEqualTo(type("citext"));
    assertThat(TypeMapping.parseDefinition("varchar(20) not null default 'x'"))
        .isEqualTo(type("varchar(20) not null default 'x'"));
  }
}
