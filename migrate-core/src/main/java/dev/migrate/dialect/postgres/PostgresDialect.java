package dev.migrate.dialect.postgres;

import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.SessionControl;
import dev.migrate.dialect.SqlSyntax;
import dev.migrate.dialect.Unmodelled;
import dev.migrate.dialect.VersionStore;
import dev.migrate.model.Database;
import dev.migrate.model.Sequence;
import dev.migrate.model.SqlType;
import dev.migrate.ops.Op;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The PostgreSQL dialect (PostgreSQL 12 and later; the reference for every behaviour of Migrate).
 *
 * <p>Stateless and thread-safe. The parts live in package-private classes: {@code
 * PostgresStatements} (SQL per op), {@code PostgresCasts} (every cast fact), {@code PostgresTypes}
 * (type spellings and catalog type modifiers), {@code PostgresExpressions} (the comparison form of
 * check expressions and defaults), {@code PostgresIntrospector} (catalog queries) and {@link
 * PostgresVersionStore}.
 */
public final class PostgresDialect implements Dialect {

  private final PostgresStatements statements = new PostgresStatements(this);
  private final PostgresVersionStore versionStore = new PostgresVersionStore();
  private final PostgresSessionControl sessions = new PostgresSessionControl();

  /**
   * Identifiers PostgreSQL accepts unquoted: lower-case letters, digits, {@code _} and {@code $}.
   */
  private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_$]*");

  /**
   * Key words that must be quoted as identifiers: the "reserved" and "reserved (can be function or
   * type)" rows of PostgreSQL's docs, Appendix C, SQL Key Words (PostgreSQL 15).
   */
  private static final Set<String> RESERVED =
      Set.of(
          "all",
          "analyse",
          "analyze",
          "and",
          "any",
          "array",
          "as",
          "asc",
          "asymmetric",
          "authorization",
          "binary",
          "both",
          "case",
          "cast",
          "check",
          "collate",
          "collation",
          "column",
          "concurrently",
          "constraint",
          "create",
          "cross",
          "current_catalog",
          "current_date",
          "current_role",
          "current_schema",
          "current_time",
          "current_timestamp",
          "current_user",
          "default",
          "deferrable",
          "desc",
          "distinct",
          "do",
          "else",
          "end",
          "except",
          "false",
          "fetch",
          "for",
          "foreign",
          "freeze",
          "from",
          "full",
          "grant",
          "group",
          "having",
          "ilike",
          "in",
          "initially",
          "inner",
          "intersect",
          "into",
          "is",
          "isnull",
          "join",
          "lateral",
          "leading",
          "left",
          "like",
          "limit",
          "localtime",
          "localtimestamp",
          "natural",
          "not",
          "notnull",
          "null",
          "offset",
          "on",
          "only",
          "or",
          "order",
          "outer",
          "overlaps",
          "placing",
          "primary",
          "references",
          "returning",
          "right",
          "select",
          "session_user",
          "similar",
          "some",
          "symmetric",
          "system_user",
          "table",
          "tablesample",
          "then",
          "to",
          "trailing",
          "true",
          "union",
          "unique",
          "user",
          "using",
          "variadic",
          "verbose",
          "when",
          "where",
          "window",
          "with");

  /**
   * {@code identifier} in double quotes (inner quotes doubled) when PostgreSQL would otherwise fold
   * or reject it, as is otherwise. Static so that the model processor can spell check expressions
   * the way this dialect does.
   */
  public static String quoteIdentifier(String identifier) {
    if (PLAIN_IDENTIFIER.matcher(identifier).matches() && !RESERVED.contains(identifier)) {
      return identifier;
    }
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  /** PostgreSQL's {@link SqlSyntax}: {@link PostgresTypes#parse} and {@link #quoteIdentifier}. */
  public static SqlSyntax syntax() {
    return SqlSyntax.of(
        PostgresTypes::parse, PostgresDialect::quoteIdentifier, PostgresTypes::arrayOf);
  }

  @Override
  public String quote(String identifier) {
    return quoteIdentifier(identifier);
  }

  /**
   * {@inheritDoc}
   *
   * <p>For example {@code AddColumn(null, "customer", Column.of("phone", varchar(20)))} is {@code
   * ALTER TABLE customer ADD COLUMN phone varchar(20)}; an {@code AlterColumn} gives one statement
   * per changed aspect and none when nothing changed.
   */
  @Override
  public List<String> statements(Op op) {
    return op.accept(statements);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Six catalog queries (tables, columns, constraints, indexes, sequences, enum types), each
   * over the whole schema. Check expressions and defaults come back as PostgreSQL deparses them;
   * compare them through {@link #normalizeCheck} and {@link #normalizeDefault}.
   */
  @Override
  public Database introspect(Connection connection, String schema, Set<String> excludeTables)
      throws SQLException {
    return PostgresIntrospector.introspect(connection, schema, excludeTables);
  }

  @Override
  public List<Unmodelled> unmodelled(Connection connection, String schema) throws SQLException {
    return PostgresUnmodelled.read(connection, schema);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Asks PostgreSQL how it stores the model's differing expressions on temporary copies of the
   * involved tables, in a rolled-back transaction: two statements in all, none when nothing differs
   * (see {@code ServerNormalizer}). For example the model's {@code c > '2000-01-01'} on a {@code
   * timestamp with time zone} column is stored as {@code c > '2000-01-01 00:00:00+00'::timestamp
   * with time zone} (the offset of the session's time zone), which no client-side rule can tell.
   */
  @Override
  public Database alignStoredExpressions(
      Connection connection, String schema, Database current, Database model) throws SQLException {
    return new ServerNormalizer(this).normalize(connection, schema, current, model);
  }

  @Override
  public VersionStore versionStore() {
    return versionStore;
  }

  @Override
  public SessionControl sessions() {
    return sessions;
  }

  /**
   * A comparison form in which a model's check and PostgreSQL's deparsed check are equal: for
   * example {@code status IN ('A', 'B')} and {@code ((status)::text = ANY ((ARRAY['A'::character
   * varying, 'B'::character varying])::text[]))} both read {@code status in ('A', 'B')}; {@code s
   * BETWEEN 0 AND 2} and {@code ((s >= 0) AND (s <= 2))} both read {@code (s >= 0) and (s <= 2)}.
   * Casts are dropped, key words lower-cased, parentheses placed by precedence.
   */
  @Override
  public String normalizeCheck(String expression) {
    return PostgresExpressions.normalize(expression);
  }

  /**
   * The same comparison form for defaults: {@code 'x'::character varying} reads {@code 'x'}, {@code
   * '-1'::integer} reads {@code -1}, {@code CURRENT_TIMESTAMP} reads {@code current_timestamp};
   * {@code now()} stays {@code now()}. {@code null} (no default) stays {@code null}.
   */
  @Override
  public String normalizeDefault(String expression) {
    return PostgresExpressions.normalize(expression);
  }

  /**
   * Equal when start, increment, owner and the bounds in effect agree: an absent bound is
   * PostgreSQL's default for a {@code bigint} sequence (CREATE SEQUENCE docs: 1 and 2^63-1
   * ascending, -2^63 and -1 descending), widened to the start value as {@code CREATE SEQUENCE} here
   * widens it.
   */
  @Override
  public boolean sameSequence(Sequence a, Sequence b) {
    return Objects.equals(a.schema(), b.schema())
        && a.name().equals(b.name())
        && a.start() == b.start()
        && a.increment() == b.increment()
        && Objects.equals(a.ownedBy(), b.ownedBy())
        && PostgresSequenceStatements.minValue(a) == PostgresSequenceStatements.minValue(b)
        && PostgresSequenceStatements.maxValue(a) == PostgresSequenceStatements.maxValue(b);
  }

  /**
   * Equal after spelling aliases are resolved ({@code int4} is {@code integer}, {@code character
   * varying} is {@code varchar}, ...) and {@code char} without a length is read as {@code char(1)},
   * as PostgreSQL does.
   */
  @Override
  public boolean sameType(SqlType a, SqlType b) {
    return PostgresTypes.canonical(a).equals(PostgresTypes.canonical(b));
  }

  /**
   * PostgreSQL's conversion rule ({@code find_coercion_pathway}), as {@code PostgresCasts} states
   * it.
   */
  @Override
  public boolean convertsInPlace(SqlType from, SqlType to, Set<String> enumTypes) {
    return PostgresCasts.convertsInPlace(from, to, enumTypes);
  }

  /**
   * The widenings {@code PostgresCasts} lists: longer text, larger numbers, more fractional-second
   * digits, ...
   */
  @Override
  public boolean keepsEveryValue(SqlType from, SqlType to) {
    return PostgresCasts.isWidening(from, to);
  }

  /** The changes {@code PostgresCasts#rewritesTable} lists as catalog-only keep the table. */
  @Override
  public boolean rewritesTable(SqlType from, SqlType to) {
    return PostgresCasts.rewritesTable(from, to);
  }
}
