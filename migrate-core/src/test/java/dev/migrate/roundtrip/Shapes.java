package dev.migrate.roundtrip;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The generator switches of the round-trip properties: which shapes of model and edit the
 * generators produce.
 *
 * <p>A shape is off when the core cannot yet express it (the op, its SQL or its introspection is
 * missing) or when it exposes a known bug; each switch says which, with the minimal counterexample
 * where there is one. The property is never weakened silently: a switched-off shape is simply not
 * generated. Turn shapes on or off for one run with {@code
 * -Droundtrip.shapes=+deferrableForeignKeys,-expressionIndexes} (names as below, case-insensitive).
 */
final class Shapes {

  private static final Set<String> OVERRIDES =
      Arrays.stream(System.getProperty("roundtrip.shapes", "").split(","))
          .map(s -> s.strip().toLowerCase(Locale.ROOT))
          .filter(s -> !s.isEmpty())
          .collect(Collectors.toUnmodifiableSet());

  private Shapes() {}

  /**
   * Table and column names that need quoting: upper case, spaces, dashes, key words, non-ASCII
   * letters.
   */
  static final boolean QUOTED_NAMES = on("quotedNames", true);

  /**
   * Expression keys in indexes ({@code lower(c)}, {@code c + 1}). On since branch {@code diff}
   * compares them through the normaliser. On main they failed: an expression was compared as text
   * with what {@code pg_get_indexdef} prints, which adds parentheses and casts ({@code CREATE INDEX
   * t0_ix1 ON t0 ((c0 + 1))} read back as {@code (c0 + 1)}; {@code lower(c0)} on a {@code
   * varchar(20)} column as {@code lower(c0::text)}), and code generation refused expression keys.
   */
  static final boolean EXPRESSION_INDEXES = on("expressionIndexes", true);

  /**
   * Descending keys, {@code USING gin/hash/brin}, {@code INCLUDE (...)} and partial ({@code WHERE})
   * indexes. On since branch {@code diff} introspects and renders them (main read every index as a
   * plain btree index).
   */
  static final boolean INDEX_EXTRAS = on("indexExtras", true);

  /**
   * {@code DEFERRABLE [INITIALLY DEFERRED]} foreign keys, created and changed. On since branch
   * {@code diff} reads and renders deferrability; on main it was neither rendered nor read
   * (counterexample: a model foreign key {@code t0_fk2 (c1) REFERENCES t0 (c0) DEFERRABLE} was
   * created without {@code DEFERRABLE}, so autogenerate dropped and re-added it after every
   * upgrade).
   */
  static final boolean DEFERRABLE_FOREIGN_KEYS = on("deferrableForeignKeys", true);

  /** Table and column comments. */
  static final boolean COMMENTS = on("comments", true);

  /**
   * The empty comment. Was off on branch {@code diff}: {@code COMMENT ON ... IS ''} removes the
   * comment (PostgreSQL docs, COMMENT: "write NULL or an empty string to drop the comment"), so a
   * model comment {@code ""} reads back as none and autogenerate sets it again after every upgrade.
   * Minimal counterexample: {@code CREATE TABLE t0 (c0 integer); COMMENT ON COLUMN t0.c0 IS ''}.
   * Fixed: the model reads {@code ""} as no comment.
   */
  static final boolean EMPTY_COMMENTS = on("emptyComments", true);

  /** Sequence {@code MINVALUE}/{@code MAXVALUE}/{@code OWNED BY}. */
  static final boolean SEQUENCE_OPTIONS = on("sequenceOptions", true);

  /**
   * PostgreSQL enum types and columns of them: types created and dropped (with their columns),
   * labels added (anywhere, also before the first) and removed (never the first, which the columns'
   * defaults name), columns turned from a string type into an enum type and back. Was off while the
   * core had no enum ops; on since the diff creates, grows, shrinks ({@code DropEnumValue}
   * re-creates the type) and drops them. Found on the way: a type change that needs {@code USING}
   * with the same default on both sides ({@code text DEFAULT 'a'} to {@code e0 DEFAULT 'a'}) failed
   * with "default for column c0 cannot be cast automatically to type e0"; the default is now
   * dropped before the type change and set again after.
   */
  static final boolean ENUM_TYPES = on("enumTypes", true);

  /** Column and table renames through {@code @RenamedFrom} hints. */
  static final boolean RENAMES = on("renames", true);

  /**
   * A unique constraint over the same columns, in the same order, as the primary key or another
   * unique constraint of the table. Was off on main: {@code CREATE TABLE} merges such duplicates
   * into one index (PostgreSQL's parse_utilcmd.c, {@code transformIndexConstraints}), so the table
   * read back without the second constraint and autogenerate added it again after every upgrade.
   * Minimal counterexample: {@code CREATE TABLE t0 (c0 integer NOT NULL, CONSTRAINT t0_pkey PRIMARY
   * KEY (c0), CONSTRAINT t0_uq1 UNIQUE (c0))} read back without {@code t0_uq1}. Fixed on branch
   * {@code diffdeps}: the dialect renders such a constraint of a {@code CreateTable} as {@code
   * ALTER TABLE ... ADD CONSTRAINT} right after {@code CREATE TABLE}, which keeps it; the model,
   * the ops and the downgrade are unchanged
   * (DependentChangesTest#aUniqueConstraintThatRepeatsAKeyIsAddedAfterCreateTable).
   */
  static final boolean REDUNDANT_UNIQUES = on("redundantUniques", true);

  /**
   * A check comparing a timestamp column with a date literal ({@code c > '2000-01-01'}); on {@code
   * date} columns it is always generated. Off on main: PostgreSQL stores the literal converted to
   * the column's type, {@code c0 > '2000-01-01 00:00:00'::timestamp without time zone}, and the
   * normaliser kept the literal's text, so autogenerate dropped and re-added the check after every
   * upgrade. Minimal counterexample: {@code CREATE TABLE t0 (c0 timestamp(6), CONSTRAINT t0_ck1
   * CHECK (c0 > '2000-01-01'))}. Fixed: the normaliser writes ISO date and timestamp literals in
   * one spelling per value ({@code PostgresExpressions.dateTimeLiteral}). Also generated on {@code
   * timestamptz} columns, where the stored literal carries the session's zone offset ({@code
   * '2000-01-01 00:00:00+00'::timestamp with time zone}), which no client-side rule can know:
   * autogenerate asks the server how it stores the model's check ({@code
   * PostgresDialect.alignStoredExpressions}), and so does the harness ({@code
   * SchemaHarness.aligned}) before it compares.
   */
  static final boolean TIMESTAMP_CHECK_LITERALS = on("timestampCheckLiterals", true);

  /**
   * An edit that drops a column (or table) and adds one of the same name whose type has no cast
   * from the old one. Off on main: the diff matches columns by name and emits {@code ALTER COLUMN
   * ... TYPE} without a {@code USING} PostgreSQL accepts, so the upgrade fails. Minimal
   * counterexample: A {@code t0 (c0 integer DEFAULT 0)}, B {@code t0 (c0 uuid DEFAULT
   * gen_random_uuid())} gives {@code ALTER TABLE t0 ALTER COLUMN c0 TYPE uuid}: "column c0 cannot
   * be cast automatically to type uuid". Fixed on branch {@code diffdeps}: when PostgreSQL has no
   * conversion ({@code PostgresCasts}, its {@code find_coercion_pathway} rule, checked against the
   * server for every pair of known types) the diff drops and re-adds the column, with the
   * constraints, indexes and foreign keys over it around that, and warns; {@code DropColumn} is
   * marked DESTRUCTIVE
   * (DependentChangesTest#aTypeChangeWithoutACastDropsAndAddsTheColumnWithWhatInvolvesIt).
   */
  static final boolean REUSED_NAMES_WITHOUT_CAST = on("reusedNamesWithoutCast", true);

  /**
   * A type change of a column that a foreign key references or uses. Off on main: the diff alters
   * the column's type while the foreign key still exists (it only drops foreign keys whose own
   * definition changes), and PostgreSQL re-checks the key at once. Minimal counterexample: A {@code
   * t0 (c0 integer NOT NULL PRIMARY KEY, c1 integer, FOREIGN KEY (c1) REFERENCES t0 (c0))}, B the
   * same with both columns {@code varchar(20)}: {@code ALTER TABLE t0 ALTER COLUMN c0 TYPE
   * varchar(20) USING c0::varchar(20)} fails with "foreign key constraint t0_fk1 cannot be
   * implemented: Key columns c1 and c0 are of incompatible types". Fixed on branch {@code
   * diffdeps}: a foreign key over a retyped column, on either side, is dropped in phase 3 and added
   * back in phase 8 of the diff
   * (DependentChangesTest#aTypeChangeUnderAForeignKeyDropsTheKeyFirstAndAddsItBackAfter). While on,
   * a type change ({@code Edit.ChangeType}) carries the new type along foreign keys to the joined
   * columns, so that the keys stay valid and the shape is generated often (otherwise the repair
   * dropped nearly every such key).
   */
  static final boolean TYPE_CHANGES_UNDER_FOREIGN_KEYS = on("typeChangesUnderForeignKeys", true);

  /**
   * An edit that drops or replaces a primary key or unique constraint that a foreign key
   * references, while the foreign key stays valid (another key of the same columns remains or
   * replaces it). Off on main: the diff drops the key constraint without first dropping the foreign
   * keys that depend on its index. Minimal counterexample: A {@code t0 (c0 integer DEFAULT 0, c1
   * integer, CONSTRAINT t0_uq1 UNIQUE (c0), FOREIGN KEY (c1) REFERENCES t0 (c0))}, B the same with
   * {@code PRIMARY KEY (c0)} instead of the unique constraint: {@code ALTER TABLE t0 DROP
   * CONSTRAINT t0_uq1} fails with "constraint t0_fk2 on table t0 depends on index t0_uq1". Fixed on
   * branch {@code diffdeps}: a foreign key whose referenced columns lose a primary key, unique
   * constraint or unique index over them is dropped before and added back after the new key
   * (DependentChangesTest#aReplacedKeyUnderAForeignKeyDropsTheKeyFirstAndAddsItBackAfterTheNewKey).
   * While on, the edit {@code Edit.SwapKey} turns a primary key into a unique constraint over the
   * same columns or back.
   */
  static final boolean KEY_CHANGES_UNDER_FOREIGN_KEYS = on("keyChangesUnderForeignKeys", true);

  /**
   * Type spellings in the type matrix ({@code TypeMatrixTest#spellingsThatDiffer}) that did not
   * read back as written. Off on main, each a false diff after every upgrade: array types compared
   * as text, so {@code varchar(10)[]}, {@code int[]} and {@code timestamptz[]} differed from the
   * catalog's {@code character varying(10)[]}, {@code integer[]}, {@code timestamp with time
   * zone[]}; {@code interval(3)} read back as {@code interval} (the introspector ignored the
   * interval typmod); and {@code new SqlType("bit", 8, null, null)} rendered as {@code bit} ({@code
   * PostgresTypes.render} dropped the length of types it did not know), so PostgreSQL created
   * {@code bit(1)}. Fixed: {@code PostgresTypes.parse} reads a spelling as PostgreSQL's grammar
   * does (arrays by their canonical element type, aliases, implied modifiers), the introspector
   * decodes interval fields and precision and bit lengths, and {@code render} writes them.
   */
  static final boolean TYPE_SPELLINGS = on("typeSpellings", true);

  /**
   * Sequences whose bounds an alteration moves past the current value: an ascending sequence
   * starting below 1 or a descending one above -1 (created with {@code MINVALUE start} / {@code
   * MAXVALUE start}), and alterations that flip the direction. Was off on branch {@code diff}
   * (AlterSequence kept the current value, and PostgreSQL refuses bounds that exclude it). Minimal
   * counterexamples: A {@code CREATE SEQUENCE s0 START WITH 0 INCREMENT BY 1 MINVALUE 0}, B the
   * same sequence starting at 1: {@code ALTER SEQUENCE s0 MINVALUE 1 START WITH 1} fails with
   * "RESTART value (0) cannot be less than MINVALUE (1)"; A {@code START WITH -1 INCREMENT BY -1},
   * B {@code START WITH 1 INCREMENT BY 1}: {@code ALTER SEQUENCE s0 INCREMENT BY 1 MINVALUE 1
   * MAXVALUE 9223372036854775807 START WITH 1} fails with "RESTART value (-1) cannot be less than
   * MINVALUE (1)"; A {@code START WITH 9223372036854775806}, B {@code START WITH 1 MINVALUE -1000
   * MAXVALUE 1000000}: "RESTART value (9223372036854775806) cannot be greater than MAXVALUE
   * (1000000)". (On main each was a drop and create, which ran. A user who changes the bounds of a
   * sequence in use cannot keep its value anyway; the op should say so, or restart it, rather than
   * fail.) Fixed: an AlterSequence that narrows the range in effect runs in a {@code DO} block that
   * adds {@code RESTART WITH start} when the current value is outside the new bounds, and codegen
   * marks it DESTRUCTIVE ("restarts sequence s0 at 1 if ...").
   */
  static final boolean SEQUENCE_BOUND_CHANGES = on("sequenceBoundChanges", true);

  /**
   * A column renamed (with a {@code @RenamedFrom} hint) while a new column takes its old name. Off
   * on branch {@code diff}: the rename is not emitted when the target still has a column of the old
   * name, so the diff adds the renamed column empty and alters the old one in place (losing the
   * data the rename should keep, or failing on the type). Minimal counterexample: A {@code t0 (c0
   * uuid DEFAULT gen_random_uuid())}, B {@code t0 (r1 uuid DEFAULT
   * gen_random_uuid() @RenamedFrom("c0"), c0 integer DEFAULT 0)}: ops {@code AddColumn r1}, {@code
   * AlterColumn c0 uuid -> integer}; PostgreSQL: "column c0 cannot be cast automatically to type
   * integer". Fixed on branch {@code diffdeps}: a hint wins over a name match ({@code RenamePlan}),
   * so the diff emits {@code RenameColumn c0 -> r1} and then {@code AddColumn c0} (the downgrade
   * drops {@code c0}, then renames back); likewise for tables
   * (DependentChangesTest#aRenameWhoseOldNameANewColumnTakesRenamesFirst and
   * #aRenamedTableWhoseOldNameANewTableTakesIsRenamedFirst).
   */
  static final boolean RENAME_AND_REUSE_OLD_NAME = on("renameAndReuseOldName", true);

  /** Type changes of a column ({@code ALTER COLUMN ... TYPE}), with or without {@code USING}. */
  static final boolean TYPE_CHANGES = on("typeChanges", true);

  /** Identity added, dropped or switched between {@code BY DEFAULT} and {@code ALWAYS}. */
  static final boolean IDENTITY_CHANGES = on("identityChanges", true);

  /** Primary keys added, dropped or moved to other columns in the edit. */
  static final boolean PRIMARY_KEY_CHANGES = on("primaryKeyChanges", true);

  private static boolean on(String name, boolean byDefault) {
    String key = name.toLowerCase(Locale.ROOT);
    if (OVERRIDES.contains("+" + key)) {
      return true;
    }
    if (OVERRIDES.contains("-" + key)) {
      return false;
    }
    return byDefault;
  }

  /** {@code QUOTED_NAMES} as {@code quotedNames}, the spelling of {@code -Droundtrip.shapes}. */
  private static String camelCase(String constant) {
    StringBuilder name = new StringBuilder();
    for (String part : constant.toLowerCase(Locale.ROOT).split("_")) {
      name.append(
          name.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
    }
    return name.toString();
  }

  /** The switches as one line ({@code name=true ...}), for the report at the start of a run. */
  static String describe() {
    StringBuilder line = new StringBuilder();
    for (java.lang.reflect.Field field : Shapes.class.getDeclaredFields()) {
      if (field.getType() == boolean.class) {
        try {
          line.append(line.length() == 0 ? "" : " ")
              .append(camelCase(field.getName()))
              .append('=')
              .append(field.getBoolean(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return line.toString();
  }
}
