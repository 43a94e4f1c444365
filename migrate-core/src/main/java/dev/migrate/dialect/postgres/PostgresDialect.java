package dev.migrate.dialect.postgres;

import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.VersionStore;
import dev.migrate.model.Database;
import dev.migrate.ops.Op;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The PostgreSQL dialect (PostgreSQL 12 and later; the reference for every behaviour of Migrate). */
public final class PostgresDialect implements Dialect {

  /** Identifiers PostgreSQL accepts unquoted: lower-case letters, digits, {@code _} and {@code $}. */
  private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_$]*");

  /**
   * Key words that must be quoted as identifiers: the "reserved" and "reserved (can be function or type)" rows of
   * PostgreSQL's docs, Appendix C, SQL Key Words (PostgreSQL 15).
   */
  private static final Set<String> RESERVED = Set.of(
      "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization", "binary",
      "both", "case", "cast", "check", "collate", "collation", "column", "concurrently", "constraint", "create",
      "cross", "current_catalog", "current_date", "current_role", "current_schema", "current_time",
      "current_timestamp", "current_user", "default", "deferrable", "desc", "distinct", "do", "else", "end",
      "except", "false", "fetch", "for", "foreign", "freeze", "from", "full", "grant", "group", "having", "ilike",
      "in", "initially", "inner", "intersect", "into", "is", "isnull", "join", "lateral", "leading", "left", "like",
      "limit", "localtime", "localtimestamp", "natural", "not", "notnull", "null", "offset", "on", "only", "or",
      "order", "outer", "overlaps", "placing", "primary", "references", "returning", "right", "select",
      "session_user", "similar", "some", "symmetric", "system_user", "table", "tablesample", "then", "to",
      "trailing", "true", "union", "unique", "user", "using", "variadic", "verbose", "when", "where", "window",
      "with");

  /**
   * {@code identifier} in double quotes (inner quotes doubled) when PostgreSQL would otherwise fold or reject it,
   * as is otherwise. Static so that the model processor can spell check expressions the way this dialect does.
   */
  public static String quoteIdentifier(String identifier) {
    if (PLAIN_IDENTIFIER.matcher(identifier).matches() && !RESERVED.contains(identifier)) {
      return identifier;
    }
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  @Override
  public String quote(String identifier) {
    return quoteIdentifier(identifier);
  }

  @Override
  public List<String> statements(Op op) {
    throw new UnsupportedOperationException("TODO");
  }

  @Override
  public Database introspect(Connection connection, String schema, Set<String> excludeTables) throws SQLException {
    throw new UnsupportedOperationException("TODO");
  }

  @Override
  public VersionStore versionStore() {
    throw new UnsupportedOperationException("TODO");
  }
}
