package dev.migrate.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.model.SqlType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The comparison form of checks and defaults, on text as PostgreSQL 15 deparses it (copied from
 * {@code pg_get_constraintdef}/{@code pg_get_expr}; {@link PostgresRoundTripTest} checks the same
 * against the live server).
 */
class PostgresNormalizerTest {

  private final PostgresDialect dialect = new PostgresDialect();

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
      status IN ('A', 'B')        | ((status)::text = ANY ((ARRAY['A'::character varying, 'B'::character varying])::text[]))
      status BETWEEN 0 AND 2      | ((status >= 0) AND (status <= 2))
      balance >= 0                | (balance >= (0)::numeric)
      c IN ('x', 'y')             | (c = ANY (ARRAY['x'::bpchar, 'y'::bpchar]))
      t IN ('a')                  | (t = 'a'::text)
      i <> 3 AND i > -5 OR i IS NULL | (((i <> 3) AND (i > '-5'::integer)) OR (i IS NULL))
      i != 3 and i>-5 or i isnull | (((i <> 3) AND (i > '-5'::integer)) OR (i IS NULL))
      length(l) > 2 AND l LIKE 'a%' | ((length((l)::text) > 2) AND ((l)::text ~~ 'a%'::text))
      e IN ('it''s')              | ((e)::text = 'it''s'::text)
      s NOT IN (1, 2)             | (s <> ALL (ARRAY[1, 2]))
      s NOT BETWEEN 1 AND 2       | ((s < 1) OR (s > 2))
      "Order" > 0 AND "user" > 0  | (("Order" > 0) AND ("user" > 0))
      a > 0 AND b > 0 AND c > 0   | ((a > 0) AND (b > 0) AND (c > 0))
      CAST(a AS integer) > 0      | (a > 0)
      price * 2 + 1 > 10          | (((price * 2) + 1) > 10)
      CASE WHEN a > 0 THEN b ELSE c END = 1 | (CASE WHEN (a > 0) THEN b ELSE c END = 1)
      """)
  void checkFromModelEqualsCheckFromCatalog(String model, String catalog) {
    assertThat(dialect.normalizeCheck(model)).isEqualTo(dialect.normalizeCheck(catalog));
  }

  @Test
  void canonicalFormIsReadable() {
    assertThat(dialect.normalizeCheck("Status IN ('A', 'B')")).isEqualTo("status in ('A', 'B')");
    assertThat(dialect.normalizeCheck("s BETWEEN 0 AND 2")).isEqualTo("(s >= 0) and (s <= 2)");
  }

  @ParameterizedTest(name = "{0} <> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
      status IN ('A', 'B')         | status IN ('A', 'C')
      status IN ('a')              | status IN ('A')
      (a OR b) AND c               | a OR (b AND c)
      a - (b - c) > 0              | a - b - c > 0
      x > 0                        | x >= 0
      x > -5                       | x > 5
      """)
  void differentChecksStayDifferent(String a, String b) {
    assertThat(dialect.normalizeCheck(a)).isNotEqualTo(dialect.normalizeCheck(b));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
      'A'                 | 'A'::character varying
      -1                  | '-1'::integer
      -1.5                | '-1.5'::numeric
      0                   | 0
      CURRENT_TIMESTAMP   | CURRENT_TIMESTAMP
      current_date        | CURRENT_DATE
      now()               | now()
      '{}'                | '{}'::jsonb
      nextval('s')        | nextval('s'::regclass)
      TRUE                | true
      gen_random_uuid()   | gen_random_uuid()
      'x'::text           | 'x'::text
      interval '1 day'    | '1 day'::interval
      """)
  void defaultFromModelEqualsDefaultFromCatalog(String model, String catalog) {
    assertThat(dialect.normalizeDefault(model)).isEqualTo(dialect.normalizeDefault(catalog));
  }

  @Test
  void noDefaultStaysNull() {
    assertThat(dialect.normalizeDefault(null)).isNull();
    assertThat(dialect.normalizeCheck(null)).isNull();
  }

  @Test
  void stringConstantsKeepTheirCase() {
    assertThat(dialect.normalizeDefault("'ABC'")).isNotEqualTo(dialect.normalizeDefault("'abc'"));
  }

  @Test
  void unknownSyntaxFallsBackToTokens() {
    assertThat(dialect.normalizeCheck("EXTRACT(year FROM d) > 2000"))
        .isEqualTo(
            dialect.normalizeCheck(
                "(EXTRACT(year FROM (d)::timestamp without time zone) > (2000)::numeric)"))
        .isEqualTo("extract year from d > 2000");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "a +",
        "(",
        "CASE",
        "x::",
        "'unterminated",
        "\"q",
        "a[1",
        "array[",
        "f(",
        "x BETWEEN 1",
        "x IS",
        "x IN",
        "a.",
        "CAST(x",
        "x::numeric(",
        "-- comment",
        "a ; b",
        "$1 > 0"
      })
  void malformedTextDoesNotThrow(String text) {
    assertThat(dialect.normalizeCheck(text)).isNotNull();
    assertThat(dialect.normalizeCheck(text)).isEqualTo(dialect.normalizeCheck(" " + text + " "));
  }

  @Test
  void dateAndTimestampLiteralsCompareByValue() {
    assertThat(dialect.normalizeCheck("(c0 > '2000-01-01 00:00:00'::timestamp without time zone)"))
        .isEqualTo("c0 > '2000-01-01'")
        .isEqualTo(dialect.normalizeCheck("c0 > '2000-01-01'"))
        .isEqualTo(dialect.normalizeCheck("c0 > '2000-01-01T00:00:00.000'"));
    assertThat(
            dialect.normalizeCheck("(c0 > '2000-01-01 10:00:00.5'::timestamp without time zone)"))
        .isEqualTo(dialect.normalizeCheck("c0 > '2000-01-01 10:00:00.500'"))
        .isEqualTo("c0 > '2000-01-01 10:00:00.5'");
    assertThat(dialect.normalizeDefault("'2021-06-01 00:00:00'::timestamp without time zone"))
        .isEqualTo("'2021-06-01'");
    // a zone offset is kept: the stored spelling depends on the session's TimeZone
    assertThat(dialect.normalizeCheck("c0 > '2000-01-01 00:00:00+00'::timestamp with time zone"))
        .isEqualTo("c0 > '2000-01-01 00:00:00+00'");
  }

  @Test
  void intervalFieldsArePartOfTheCastType() {
    assertThat(dialect.normalizeDefault("'1 day'::interval day to second(2)")).isEqualTo("'1 day'");
    assertThat(dialect.normalizeDefault("'1 year'::interval year to month")).isEqualTo("'1 year'");
    assertThat(dialect.normalizeCheck("(i > '00:01:00'::interval minute to second)"))
        .isEqualTo("i > '00:01:00'");
  }

  @Test
  void typeSpellingsAreTheSameType() {
    assertThat(dialect.sameType(SqlType.of("int[]"), SqlType.of("integer[]"))).isTrue();
    assertThat(dialect.sameType(SqlType.of("varchar(10)[]"), SqlType.of("character varying(10)[]")))
        .isTrue();
    assertThat(
            dialect.sameType(SqlType.of("timestamptz[]"), SqlType.of("timestamp with time zone[]")))
        .isTrue();
    assertThat(dialect.sameType(SqlType.of("varchar(10)[]"), SqlType.of("varchar(11)[]")))
        .isFalse();
    assertThat(dialect.sameType(SqlType.of("bit(8)"), new SqlType("bit", 8, null, null))).isTrue();
    assertThat(dialect.sameType(SqlType.of("bit"), new SqlType("bit", 1, null, null))).isTrue();
    assertThat(dialect.sameType(SqlType.of("interval(3)"), SqlType.of("interval"))).isFalse();
  }

  @Test
  void typeAliasesAreTheSameType() {
    assertThat(dialect.sameType(SqlType.of("int4"), SqlType.integer())).isTrue();
    assertThat(dialect.sameType(SqlType.of("character varying"), SqlType.of("varchar"))).isTrue();
    assertThat(dialect.sameType(SqlType.of("char"), SqlType.character(1))).isTrue();
    assertThat(dialect.sameType(SqlType.of("timestamp"), SqlType.timestamp(6))).isTrue();
    assertThat(dialect.sameType(SqlType.varchar(10), SqlType.varchar(20))).isFalse();
    assertThat(dialect.sameType(SqlType.timestamp(6), SqlType.timestamptz(6))).isFalse();
  }
}
