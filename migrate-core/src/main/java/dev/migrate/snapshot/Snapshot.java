package dev.migrate.snapshot;

import dev.migrate.model.Database;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What the model processor captured at compile time, stored as {@code META-INF/migrate/model.json}
 * in the class output: the model, the entity classes it came from (so that a partial recompile can
 * be merged with the previous snapshot), and an index of the {@code @Revision} classes compiled.
 *
 * @param formatVersion the snapshot format; readers accept {@link #OLDEST_FORMAT_VERSION} to {@link
 *     #FORMAT_VERSION} and reject the others
 * @param capture how the model was captured (naming) and what of the entities it could not capture;
 *     {@link Capture#UNKNOWN} for a snapshot of format 1, which had none
 * @param database the model, tables without a schema belong to the schema the chain runs in
 * @param entities binary names of the classes the model came from, sorted: the entity classes,
 *     Migrate's {@code @Table} classes and the auto-applied converters of the sources (a partial
 *     recompile reads them again)
 * @param revisions the revision classes, sorted by class name
 * @param hibernate the Hibernate ORM release line whose schema the model mirrors ({@code 6.6},
 *     {@code 7.2}, {@code 7.4}: the processor's {@code -Amigrate.hibernate}, or the hibernate-core
 *     it found on the compile class path); {@code null} in snapshots written before it was recorded
 *     (an optional field: format version 1 readers ignore it)
 */
public record Snapshot(
    int formatVersion,
    Capture capture,
    Database database,
    List<String> entities,
    List<RevisionEntry> revisions,
    String hibernate) {

  /**
   * The format this version of Migrate writes. Format 2 added {@link #capture()}; a reader of
   * format 2 reads format 1 too, as a capture of unknown naming without problems.
   */
  public static final int FORMAT_VERSION = 2;

  /** The oldest format this version of Migrate reads. */
  public static final int OLDEST_FORMAT_VERSION = 1;

  /** Where the processor writes the snapshot, relative to the class output directory. */
  public static final String RESOURCE = "META-INF/migrate/model.json";

  /**
   * Where the processor writes the plain list of revision classes (one fully qualified class name a
   * line), for applications that run migrations without a JSON library.
   */
  public static final String REVISIONS_RESOURCE = "META-INF/migrate/revisions";

  public Snapshot {
    capture = capture == null ? Capture.UNKNOWN : capture;
    Objects.requireNonNull(database, "database");
    entities = entities.stream().sorted().distinct().toList();
    revisions = revisions.stream().sorted(Comparator.comparing(RevisionEntry::className)).toList();
  }

  /** A snapshot without capture facts ({@link Capture#UNKNOWN}), as format 1 wrote them. */
  public Snapshot(
      int formatVersion, Database database, List<String> entities, List<RevisionEntry> revisions) {
    this(formatVersion, Capture.UNKNOWN, database, entities, revisions, null);
  }

  /** A snapshot with capture facts that does not say which Hibernate line it mirrors. */
  public Snapshot(
      int formatVersion,
      Capture capture,
      Database database,
      List<String> entities,
      List<RevisionEntry> revisions) {
    this(formatVersion, capture, database, entities, revisions, null);
  }

  /** A snapshot without capture facts that says which Hibernate line it mirrors. */
  public Snapshot(
      int formatVersion,
      Database database,
      List<String> entities,
      List<RevisionEntry> revisions,
      String hibernate) {
    this(formatVersion, Capture.UNKNOWN, database, entities, revisions, hibernate);
  }

  /** Whether the processor captured every mapping of the entities ({@link Capture#complete()}). */
  public boolean isComplete() {
    return capture.complete();
  }

  /**
   * How the model processor captured the model.
   *
   * @param naming the naming option in force ({@code jpa} or {@code snake_case}), or {@code null}
   *     when unknown (a format 1 snapshot)
   * @param namingReason why that naming ({@code "-Amigrate.naming=snake_case"}, {@code "Spring
   *     Boot's JPA auto-configuration is on the compile class path"}, ...), or {@code null}
   * @param problems the mappings the processor could not model, in the order reported; the model
   *     lacks what they name, so goals that compare it with a database refuse to run
   * @param members the Java member behind each entity table and each basic column, in the model's
   *     table order, for messages that tell the user what to annotate (autogen's rename hint);
   *     empty in snapshots written before they were recorded (an optional field, left out of the
   *     JSON when empty)
   * @param converterChecks the check constraints Hibernate derives from an {@code
   *     AttributeConverter} by running it, which the processor cannot do: resolved with the
   *     application's classes when the model is read ({@link ConverterChecks}); left out of the
   *     JSON when empty
   */
  public record Capture(
      String naming,
      String namingReason,
      List<ModelProblem> problems,
      List<Member> members,
      List<ConverterCheck> converterChecks) {

    /** What a format 1 snapshot says: nothing about naming, no problem. */
    public static final Capture UNKNOWN = new Capture(null, null, List.of());

    public Capture {
      problems = problems == null ? List.of() : List.copyOf(problems);
      members = members == null ? List.of() : List.copyOf(members);
      converterChecks = converterChecks == null ? List.of() : List.copyOf(converterChecks);
    }

    /** A capture that does not record the members behind the tables and columns. */
    public Capture(String naming, String namingReason, List<ModelProblem> problems) {
      this(naming, namingReason, problems, List.of(), List.of());
    }

    /** A capture without converter checks to resolve. */
    public Capture(
        String naming, String namingReason, List<ModelProblem> problems, List<Member> members) {
      this(naming, namingReason, problems, members, List.of());
    }

    /** Whether no mapping was left out ({@link #problems()} is empty). */
    public boolean complete() {
      return problems.isEmpty();
    }

    /**
     * {@code "naming snake_case (Spring Boot's JPA auto-configuration is on the compile class
     * path)"}, or {@code "naming unknown (snapshot format 1)"}.
     */
    public String describeNaming() {
      if (naming == null) {
        return "naming unknown (a snapshot of format 1: recompile to record it)";
      }
      return "naming " + naming + (namingReason == null ? "" : " (" + namingReason + ")");
    }
  }

  /**
   * The Java member a table or column of the model comes from.
   *
   * @param table the table as the model names it ({@code schema.table}, or {@code table} for one in
   *     the schema the chain runs in)
   * @param column the column, or {@code null} when the entry is for the table itself
   * @param member the entity class for a table ({@code com.acme.Customer}); the class and field or
   *     getter for a column ({@code com.acme.Customer.birthDate})
   */
  public record Member(String table, String column, String member) {
    public Member {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(member, "member");
    }
  }

  /**
   * A mapping the model processor could not model: it printed a warning on the element and left the
   * named table or column out of (or incomplete in) the model.
   *
   * @param element the entity class and member ({@code com.acme.Customer.tags}), the class alone,
   *     or {@code null} for a problem of the whole compilation
   * @param table the table the problem leaves incomplete ({@code schema.table} or {@code table}),
   *     or {@code null} when unknown
   * @param column the column it could not capture, or {@code null} when unknown or not one column
   * @param message the warning the processor printed: the rule and the fix
   */
  public record ModelProblem(String element, String table, String column, String message) {
    public ModelProblem {
      Objects.requireNonNull(message, "message");
    }

    /** One line: {@code com.acme.Customer.tags (table customer, column tags): <message>}. */
    public String describe() {
      StringBuilder where = new StringBuilder();
      if (table != null) {
        where.append("table ").append(table);
      }
      if (column != null) {
        where.append(where.length() == 0 ? "" : ", ").append("column ").append(column);
      }
      String subject = element == null ? "the compilation" : element;
      return subject + (where.length() == 0 ? "" : " (" + where + ")") + ": " + message;
    }

    /** {@link #describe()} of each problem, one a line, each starting with {@code " - "}. */
    public static String list(List<ModelProblem> problems) {
      return problems.stream().map(p -> "  - " + p.describe()).collect(Collectors.joining("\n"));
    }
  }

  /**
   * A check constraint Hibernate adds to a column mapped through an {@code AttributeConverter},
   * over the values the converter gives, not yet resolved: the values come from running the
   * application's converter, which {@link ConverterChecks} does when the model is read.
   *
   * <p>Hibernate's rule ({@code BooleanJavaType.getCheckCondition}, {@code
   * EnumJavaType.getCheckCondition}, called from {@code BasicValue.resolveColumn}): a converter
   * whose domain type is {@code Boolean} gives {@code <column> in (<false>,<true>)} on every line
   * (6.6, 7.x); one whose domain type is an enum gives {@code <column> in (<value of each
   * constant>)} from 7.0 on. Only for a column whose JDBC type is character ({@code char}, {@code
   * varchar}) or integral ({@code smallint}, {@code integer}, {@code bigint}).
   *
   * @param schema the table's schema, or {@code null} for the schema the chain runs in
   * @param table the table's name, as the model names it
   * @param column the column's name, as the model names it
   * @param name the name the processor gave the constraint (PostgreSQL's {@code
   *     <table>_<column>_check})
   * @param columnSql the column as the check's SQL names it (quoted when it must be)
   * @param member the entity member the column maps ({@code com.acme.Thing.status}), for messages
   * @param converter the converter's binary class name ({@code com.acme.Thing$StatusConverter})
   * @param domain {@code java.lang.Boolean}, or the binary name of the enum the converter converts
   * @param constants the enum's constants in ordinal order as compiled; empty for {@code Boolean}
   * @param literal how a value the converter gives is written in SQL
   */
  public record ConverterCheck(
      String schema,
      String table,
      String column,
      String name,
      String columnSql,
      String member,
      String converter,
      String domain,
      List<String> constants,
      Literal literal) {

    /** The domain type of a {@code Boolean} converter. */
    public static final String BOOLEAN = "java.lang.Boolean";

    public ConverterCheck {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(columnSql, "columnSql");
      Objects.requireNonNull(converter, "converter");
      Objects.requireNonNull(domain, "domain");
      Objects.requireNonNull(literal, "literal");
      constants = constants == null ? List.of() : List.copyOf(constants);
    }

    /** The table as the model names it: {@code schema.table}, or {@code table}. */
    public String qualifiedTable() {
      return schema == null ? table : schema + "." + table;
    }

    /** How a converted value is written in the check's SQL. */
    public enum Literal {
      /**
       * A character column: the value's {@code toString()} in single quotes, a quote doubled
       * ({@code 'x''y'}).
       */
      STRING,
      /** An integral column: the number as Java prints it. */
      NUMBER
    }
  }

  /**
   * One compiled {@code @Revision} class.
   *
   * @param className the fully qualified (binary) class name
   * @param id the revision id
   * @param revises the down revision ids
   * @param message the message
   */
  public record RevisionEntry(String className, String id, List<String> revises, String message) {
    public RevisionEntry {
      revises = List.copyOf(revises);
    }
  }
}
