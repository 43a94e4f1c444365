package dev.migrate.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.model.SqlType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link PostgresTypes#parse}, {@link PostgresTypes#canonical} and {@link PostgresTypes#render},
 * exactly.
 */
class PostgresTypesTest {

  static List<Arguments> spellings() {
    return List.of(
        Arguments.of("int4", SqlType.integer()),
        Arguments.of("INT", SqlType.integer()),
        Arguments.of("float(24)", SqlType.real()),
        Arguments.of("float(25)", SqlType.doublePrecision()),
        Arguments.of("float", SqlType.doublePrecision()),
        Arguments.of("decimal(10, 2)", SqlType.numeric(10, 2)),
        Arguments.of("numeric(10)", SqlType.numeric(10, 0)),
        Arguments.of("numeric(5,-2)", SqlType.numeric(5, -2)),
        Arguments.of("character  varying ( 10 )", SqlType.varchar(10)),
        Arguments.of("character", SqlType.character(1)),
        Arguments.of("timestamp(3) with time zone", SqlType.timestamptz(3)),
        Arguments.of("timestamp without time zone", SqlType.timestamp(6)),
        Arguments.of("time with time zone", new SqlType("timetz", null, 6, null)),
        Arguments.of("interval", SqlType.of("interval")),
        Arguments.of("interval(3)", new SqlType("interval", null, 3, null)),
        Arguments.of(
            "INTERVAL DAY TO SECOND(2)", new SqlType("interval day to second", null, 2, null)),
        Arguments.of("bit", new SqlType("bit", 1, null, null)),
        Arguments.of("bit(8)", new SqlType("bit", 8, null, null)),
        Arguments.of("bit varying(8)", new SqlType("varbit", 8, null, null)),
        Arguments.of("varbit", SqlType.of("varbit")),
        Arguments.of("int[]", SqlType.of("integer[]")),
        Arguments.of("integer[][]", SqlType.of("integer[]")),
        Arguments.of("integer ARRAY[4]", SqlType.of("integer[]")),
        Arguments.of("character varying(10)[]", SqlType.of("varchar(10)[]")),
        Arguments.of("varchar(10) []", SqlType.of("varchar(10)[]")),
        Arguments.of("timestamptz[]", SqlType.of("timestamp(6) with time zone[]")),
        Arguments.of("timestamp with time zone[]", SqlType.of("timestamp(6) with time zone[]")),
        Arguments.of("numeric(10,2)[]", SqlType.of("numeric(10,2)[]")),
        Arguments.of("citext", SqlType.of("citext")),
        Arguments.of("geometry(Point,4326)", SqlType.of("geometry(point,4326)")),
        Arguments.of("\"char\"", SqlType.of("\"char\"")),
        Arguments.of("public.mood", SqlType.of("public.mood")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("spellings")
  void parseReadsASpellingAsPostgresqlDoes(String spelling, SqlType expected) {
    assertThat(PostgresTypes.parse(spelling)).isEqualTo(expected);
  }

  /**
   * The array types Hibernate's schema export declares ({@code varchar(255) array}, {@code
   * float(53) array}) read as the processor's {@link PostgresTypes#arrayOf} builds them and as
   * {@code format_type} reports them ({@code character varying(255)[]}, {@code double
   * precision[]}).
   */
  @Test
  void arrayOfIsWhatHibernatesAndTheCatalogsSpellingsRead() {
    for (var pair :
        List.of(
            List.of(SqlType.varchar(255), "varchar(255) array", "character varying(255)[]"),
            List.of(SqlType.integer(), "integer array", "integer[]"),
            List.of(SqlType.smallint(), "smallint array", "smallint[]"),
            List.of(SqlType.character(1), "char(1) array", "character(1)[]"),
            List.of(SqlType.doublePrecision(), "float(53) array", "double precision[]"),
            List.of(SqlType.real(), "float4 array", "real[]"),
            List.of(SqlType.numeric(38, 2), "numeric(38,2) array", "numeric(38,2)[]"),
            List.of(
                SqlType.timestamptz(6),
                "timestamp(6) with time zone array",
                "timestamp(6) with time zone[]"))) {
      SqlType array = PostgresTypes.arrayOf((SqlType) pair.get(0));
      assertThat(PostgresTypes.parse((String) pair.get(1))).as(pair.get(1) + "").isEqualTo(array);
      assertThat(PostgresTypes.canonical(SqlType.of((String) pair.get(2))))
          .as(pair.get(2) + "")
          .isEqualTo(array);
    }
    assertThat(PostgresTypes.arrayOf(SqlType.varchar(255))).isEqualTo(SqlType.of("varchar(255)[]"));
  }

  @Test
  void canonicalReadsNamesWithModifiersInThem() {
    assertThat(PostgresTypes.canonical(SqlType.of("bit(8)")))
        .isEqualTo(new SqlType("bit", 8, null, null));
    assertThat(PostgresTypes.canonical(SqlType.of("int[]")))
        .isEqualTo(PostgresTypes.canonical(SqlType.of("integer[]")));
    assertThat(PostgresTypes.canonical(new SqlType("numeric", null, 10, null)))
        .isEqualTo(SqlType.numeric(10, 0));
    assertThat(PostgresTypes.canonical(new SqlType("character varying", 3, null, null)))
        .isEqualTo(SqlType.varchar(3));
    assertThat(PostgresTypes.canonical(SqlType.of("character"))).isEqualTo(SqlType.character(1));
  }

  @Test
  void renderKeepsBitLengthsAndIntervalPrecision() {
    assertThat(
            List.of(
                    new SqlType("bit", 8, null, null),
                    new SqlType("varbit", 5, null, null),
                    SqlType.of("varbit"),
                    new SqlType("interval", null, 3, null),
                    new SqlType("interval day to second", null, 2, null),
                    SqlType.of("interval hour"),
                    SqlType.of("timestamp(6) with time zone[]"))
                .stream()
                .map(PostgresTypes::render))
        .containsExactly(
            "bit(8)",
            "varbit(5)",
            "varbit",
            "interval(3)",
            "interval day to second(2)",
            "interval hour",
            "timestamp(6) with time zone[]");
  }
}
