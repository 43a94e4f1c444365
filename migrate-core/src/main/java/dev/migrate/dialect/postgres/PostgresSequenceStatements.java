package dev.migrate.dialect.postgres;

import static dev.migrate.dialect.postgres.PostgresDialect.quoteIdentifier;
import static dev.migrate.dialect.postgres.PostgresStatements.doBlock;
import static dev.migrate.dialect.postgres.PostgresStatements.qualified;

import dev.migrate.model.Sequence;
import dev.migrate.ops.AlterSequence;
import dev.migrate.ops.CreateSequence;
import dev.migrate.ops.DropSequence;
import java.util.List;
import java.util.Objects;

/**
 * The PostgreSQL statements for sequences ({@code CREATE}, {@code ALTER} and {@code DROP SEQUENCE})
 * and the bounds PostgreSQL puts in effect when a sequence names none. Called by {@link
 * PostgresStatements}, whose conventions (quoting, {@code null} schema) apply.
 */
final class PostgresSequenceStatements {

  private PostgresSequenceStatements() {}

  /**
   * {@code CREATE SEQUENCE n START WITH s INCREMENT BY i [MINVALUE m] [MAXVALUE x] [OWNED BY t.c]}.
   * PostgreSQL's default bounds are 1 upwards for an ascending and -1 downwards for a descending
   * sequence (CREATE SEQUENCE docs); a start outside them gets the bound it needs ({@code MINVALUE
   * s} or {@code MAXVALUE s}) so that the statement is accepted. {@code OWNED BY} needs the table;
   * the diff therefore creates a sequence without owner and sets it with {@link AlterSequence} once
   * the table exists.
   */
  static List<String> create(CreateSequence op) {
    Sequence sequence = op.sequence();
    StringBuilder sql =
        new StringBuilder("CREATE SEQUENCE ")
            .append(qualified(sequence.schema(), sequence.name()))
            .append(" START WITH ")
            .append(sequence.start())
            .append(" INCREMENT BY ")
            .append(sequence.increment());
    if (sequence.minValue() != null || sequence.increment() > 0 && sequence.start() < 1) {
      sql.append(" MINVALUE ").append(minValue(sequence));
    }
    if (sequence.maxValue() != null || sequence.increment() < 0 && sequence.start() > -1) {
      sql.append(" MAXVALUE ").append(maxValue(sequence));
    }
    if (sequence.ownedBy() != null) {
      sql.append(" OWNED BY ").append(ownedBy(sequence));
    }
    return List.of(sql.toString());
  }

  /**
   * {@code ALTER SEQUENCE} with the clauses that change, in the order of the docs' synopsis: {@code
   * INCREMENT BY}, {@code MINVALUE}/{@code NO MINVALUE}, {@code MAXVALUE}/{@code NO MAXVALUE},
   * {@code START WITH} (which sets the value {@code RESTART} would go back to, not the current
   * value), {@code OWNED BY}/{@code OWNED BY NONE}.
   *
   * <p>When the op {@linkplain AlterSequence#narrowsRange() narrows the range}, the statement runs
   * in a {@code DO} block that first reads the current value ({@code last_value}, which PostgreSQL
   * checks against the new bounds, sequence.c {@code init_params}): inside the new bounds the
   * sequence keeps it, outside the same statement adds {@code RESTART WITH start}:
   *
   * <pre>{@code
   * DO $migrate$BEGIN IF (SELECT last_value FROM s) BETWEEN 1 AND 9223372036854775807 THEN
   * ALTER SEQUENCE s MINVALUE 1 START WITH 1; ELSE ALTER SEQUENCE s MINVALUE 1 START WITH 1 RESTART WITH 1;
   * END IF; END$migrate$
   * }</pre>
   */
  static List<String> alter(AlterSequence op) {
    List<String> alter = alterSequence(op);
    if (alter.isEmpty() || !op.narrowsRange()) {
      return alter;
    }
    Sequence to = op.to();
    String statement = alter.get(0);
    return List.of(
        doBlock(
            "BEGIN IF (SELECT last_value FROM "
                + qualified(to.schema(), to.name())
                + ") BETWEEN "
                + minValue(to)
                + " AND "
                + maxValue(to)
                + " THEN "
                + statement
                + "; ELSE "
                + statement
                + " RESTART WITH "
                + to.start()
                + "; END IF; END"));
  }

  private static List<String> alterSequence(AlterSequence op) {
    Sequence from = op.from();
    Sequence to = op.to();
    StringBuilder sql =
        new StringBuilder("ALTER SEQUENCE ").append(qualified(to.schema(), to.name()));
    int clauses = sql.length();
    if (from.increment() != to.increment()) {
      sql.append(" INCREMENT BY ").append(to.increment());
    }
    if (minValue(from) != minValue(to) || from.increment() > 0 != to.increment() > 0) {
      sql.append(" MINVALUE ").append(minValue(to));
    }
    if (maxValue(from) != maxValue(to) || from.increment() > 0 != to.increment() > 0) {
      sql.append(" MAXVALUE ").append(maxValue(to));
    }
    if (from.start() != to.start()) {
      sql.append(" START WITH ").append(to.start());
    }
    if (!Objects.equals(from.ownedBy(), to.ownedBy())) {
      sql.append(" OWNED BY ").append(to.ownedBy() == null ? "NONE" : ownedBy(to));
    }
    return sql.length() == clauses ? List.of() : List.of(sql.toString());
  }

  /**
   * The {@code MINVALUE} in effect: the model's, else PostgreSQL's default widened to the start
   * value.
   */
  static long minValue(Sequence sequence) {
    return sequence.minValueInEffect();
  }

  /**
   * The {@code MAXVALUE} in effect: the model's, else PostgreSQL's default widened to the start
   * value.
   */
  static long maxValue(Sequence sequence) {
    return sequence.maxValueInEffect();
  }

  /** {@code table.column} of {@code OWNED BY}, the table in the sequence's schema. */
  private static String ownedBy(Sequence sequence) {
    String owner = sequence.ownedBy();
    int dot = owner.lastIndexOf('.');
    if (dot <= 0 || dot == owner.length() - 1) {
      throw new IllegalArgumentException(
          "sequence "
              + sequence.qualifiedName()
              + ": OWNED BY '"
              + owner
              + "' is not table.column");
    }
    return qualified(sequence.schema(), owner.substring(0, dot))
        + "."
        + quoteIdentifier(owner.substring(dot + 1));
  }

  static List<String> drop(DropSequence op) {
    return List.of("DROP SEQUENCE " + qualified(op.sequence().schema(), op.sequence().name()));
  }
}
