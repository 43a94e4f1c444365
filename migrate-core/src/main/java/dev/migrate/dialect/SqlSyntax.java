package dev.migrate.dialect;

import dev.migrate.model.SqlType;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The two facts about a database's SQL spelling that code outside the dialect needs without a
 * connection: how a type written in DDL reads, and when an identifier needs quotes. Migrate's model
 * processor reaches them only through this interface (for a {@code columnDefinition} and for the
 * check constraints it writes), never through a dialect's internals. PostgreSQL's: {@code
 * PostgresDialect.syntax()}.
 *
 * <p>Implementations are stateless and thread-safe.
 */
public interface SqlSyntax {

  /**
   * The canonical type that {@code columnDefinition} declares, as the database's grammar reads it:
   * aliases resolved, implied modifiers filled in. On PostgreSQL {@code "VARCHAR(20)"} is {@code
   * varchar(20)} and {@code "int8"} is {@code bigint}; text that is not a plain type name with
   * optional modifiers (one with {@code DEFAULT} or {@code NOT NULL} in it) is kept whole,
   * lower-cased, as the type name. Never throws for unknown spellings.
   *
   * @param columnDefinition a type as written in DDL, for example {@code "character varying(10)"};
   *     not null
   */
  SqlType parseType(String columnDefinition);

  /**
   * {@code identifier} in quotes (inner quotes doubled) when the database would otherwise fold or
   * reject it, as is otherwise: on PostgreSQL {@code "price"} stays {@code price}, {@code "Price"}
   * and {@code "order"} are quoted.
   *
   * @param identifier an unquoted identifier; not null
   */
  String quoteIdentifier(String identifier);

  /**
   * The canonical type of a one-dimensional array of {@code element}: on PostgreSQL {@code
   * varchar(255)} gives {@code varchar(255)[]}, which is how a column declared {@code varchar(255)
   * array} or introspected as {@code character varying(255)[]} reads (PostgreSQL ignores declared
   * dimensions, docs 8.15.1).
   *
   * @throws UnsupportedOperationException if the database has no array types
   */
  default SqlType arrayOf(SqlType element) {
    throw new UnsupportedOperationException("no array types");
  }

  /**
   * The syntax made of the two functions given, for a dialect to hand out; without array types.
   *
   * @throws NullPointerException if either is null
   */
  static SqlSyntax of(Function<String, SqlType> parseType, UnaryOperator<String> quoteIdentifier) {
    return of(parseType, quoteIdentifier, null);
  }

  /**
   * The syntax made of the functions given, for a dialect to hand out.
   *
   * @param arrayOf {@link #arrayOf}, or {@code null} for a database without array types
   * @throws NullPointerException if {@code parseType} or {@code quoteIdentifier} is null
   */
  static SqlSyntax of(
      Function<String, SqlType> parseType,
      UnaryOperator<String> quoteIdentifier,
      UnaryOperator<SqlType> arrayOf) {
    Objects.requireNonNull(parseType, "parseType");
    Objects.requireNonNull(quoteIdentifier, "quoteIdentifier");
    return new SqlSyntax() {
      @Override
      public SqlType arrayOf(SqlType element) {
        if (arrayOf == null) {
          return SqlSyntax.super.arrayOf(element);
        }
        return arrayOf.apply(element);
      }

      @Override
      public SqlType parseType(String columnDefinition) {
        return parseType.apply(columnDefinition);
      }

      @Override
      public String quoteIdentifier(String identifier) {
        return quoteIdentifier.apply(identifier);
      }
    };
  }
}
