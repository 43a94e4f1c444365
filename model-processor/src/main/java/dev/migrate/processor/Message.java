package dev.migrate.processor;

import java.util.Locale;
import javax.tools.Diagnostic;

/**
 * Every message the model processor prints, in one place (as MapStruct's {@code Message} enum). Each states the rule
 * that was broken and the fix, and names the element: {@code Entity.field} for fields, the entity's simple name for
 * classes. The arguments are {@link String#format} arguments, in the order the template uses them.
 *
 * <p>Each constant has its own compile-testing test in {@code MessagesTest}, named after it in camel case.
 */
enum Message {

  // --- the entity as a whole ---

  /** Args: entity. */
  ENTITY_WITHOUT_ID(Diagnostic.Kind.ERROR,
      "@Entity %1$s has no @Id field: every entity needs a primary key. Annotate its key field with @Id."),

  /** Args: entity, method. */
  PROPERTY_ACCESS_NOT_SUPPORTED(Diagnostic.Kind.ERROR,
      "@Id on %1$s.%2$s(): property access (mapping annotations on getters) is not supported yet. Move the"
          + " mapping annotations to the fields."),

  /** Args: entity, field names. */
  COMPOSITE_ID_NOT_SUPPORTED(Diagnostic.Kind.ERROR,
      "@Entity %1$s has @Id on several fields (%2$s): composite primary keys are not supported yet. Use a single"
          + " @Id field and a unique constraint on the other columns."),

  /** Args: entity, superclass entity. */
  INHERITANCE_NOT_SUPPORTED(Diagnostic.Kind.ERROR,
      "@Entity %1$s extends the entity %2$s: entity inheritance is not supported yet. Make %2$s a"
          + " @MappedSuperclass instead of an @Entity, or map %1$s without extending it."),

  /** Args: entity, table, entity mapped first. */
  DUPLICATE_TABLE(Diagnostic.Kind.ERROR,
      "@Entity %1$s maps to table %2$s, which %3$s maps to as well: one table belongs to one entity (inheritance"
          + " is not supported yet). Give one of them another @Table(name = ...)."),

  /** Args: kind ("index" or "unique constraint"), entity, column, table, existing columns. */
  UNKNOWN_COLUMN(Diagnostic.Kind.ERROR,
      "The %1$s on %2$s names column %3$s, which table %4$s does not have (its columns: %5$s). Use the column"
          + " name, not the field name, as the naming strategy produces it."),

  /** Args: entity, columnList. */
  EMPTY_COLUMN_LIST(Diagnostic.Kind.ERROR,
      "@Index(columnList = \"%2$s\") on %1$s lists no column: an index needs at least one. List the columns,"
          + " for example columnList = \"email, created\"."),

  /** Args: entity, columnList. */
  INDEX_ORDER_NOT_SUPPORTED(Diagnostic.Kind.ERROR,
      "@Index(columnList = \"%2$s\") on %1$s: DESC columns are not supported yet. Remove DESC (an ascending"
          + " B-tree index serves descending scans too)."),

  /** Args: what ("index", "constraint", ...), name, schema description, first owner, second owner. */
  NAME_CONFLICT(Diagnostic.Kind.ERROR,
      "The %1$s name %2$s in %3$s is used by both %4$s and %5$s: PostgreSQL keeps table, sequence, index, primary"
          + " key and unique constraint names in one namespace per schema, and constraint names once per table."
          + " Give one of them another name."),

  // --- fields ---

  /** Args: field, Java type. */
  UNMAPPED_TYPE(Diagnostic.Kind.ERROR,
      "%1$s has type %2$s, which Migrate cannot map to a column yet: use String, a number type (long, int,"
          + " short, byte, double, float, BigDecimal, BigInteger), boolean, char, an enum, UUID, byte[], LocalDate,"
          + " LocalTime, LocalDateTime, OffsetDateTime, ZonedDateTime, Instant or java.util.Date, or mark the field"
          + " @Transient. (@Convert support comes later.)"),

  /** Args: length, field. */
  LENGTH_NOT_POSITIVE(Diagnostic.Kind.ERROR,
      "@Column(length = %1$d) on %2$s: length must be positive. Remove `length` to use the default 255."),

  /** Args: precision, scale, field. */
  PRECISION_LESS_THAN_SCALE(Diagnostic.Kind.ERROR,
      "@Column(precision = %1$d, scale = %2$d) on %3$s: precision (all digits) must be at least scale (digits"
          + " after the point). Raise precision to at least %2$d or lower scale."),

  /** Args: scale, field. */
  SCALE_WITHOUT_PRECISION(Diagnostic.Kind.WARNING,
      "@Column(scale = %1$d) on %2$s has no precision: Hibernate 6 ignores scale unless precision is set, so the"
          + " column is numeric(38,2). Add precision (for example precision = 38) to get scale %1$d."),

  /** Args: field, column, table, the field mapped first. */
  DUPLICATE_COLUMN(Diagnostic.Kind.ERROR,
      "%1$s maps to column %2$s of table %3$s, which %4$s maps to as well. Give one of them another"
          + " @Column(name = ...), or make one read-only with insertable = false, updatable = false."),

  /** Args: field, Java type. */
  ENUMERATED_ON_NON_ENUM(Diagnostic.Kind.ERROR,
      "@Enumerated on %1$s, whose type %2$s is not an enum: @Enumerated applies to enum fields only. Remove it or"
          + " change the field's type."),

  /** Args: field, enum type. */
  ENUM_WITHOUT_CONSTANTS(Diagnostic.Kind.ERROR,
      "%1$s has the enum type %2$s, which declares no constants, so no value could ever be stored. Add constants"
          + " to %2$s or mark the field @Transient."),

  /** Args: annotation ("@Lob", "@Convert", "@Embedded", ...), field, what to do instead. */
  MAPPING_NOT_SUPPORTED(Diagnostic.Kind.ERROR,
      "%1$s on %2$s is not supported yet. %3$s"),

  // --- identifiers ---

  /** Args: generator description ("strategy = TABLE", "@GenericGenerator(name = \"x\")"), field. */
  GENERATOR_NOT_SUPPORTED(Diagnostic.Kind.ERROR,
      "@GeneratedValue(%1$s) on %2$s: this generator is not supported yet. Use strategy = SEQUENCE or"
          + " strategy = IDENTITY."),

  /** Args: strategy, field, Java type, the types the strategy needs. */
  GENERATION_TYPE_MISMATCH(Diagnostic.Kind.ERROR,
      "@GeneratedValue(strategy = %1$s) on %2$s of type %3$s: this strategy generates %4$s. Change the field's"
          + " type or the strategy."),

  /** Args: allocationSize, generator name, field. */
  ALLOCATION_SIZE_NOT_POSITIVE(Diagnostic.Kind.ERROR,
      "@SequenceGenerator(name = \"%2$s\", allocationSize = %1$d) used by %3$s: allocationSize is the sequence's"
          + " increment and must be positive. Remove it to use the default 50."),

  /** Args: sequence, field, start, increment, other field, its start, its increment. */
  SEQUENCE_CONFLICT(Diagnostic.Kind.ERROR,
      "%2$s uses sequence %1$s with initialValue %3$d and allocationSize %4$d, but %5$s declares it with"
          + " initialValue %6$d and allocationSize %7$d: one sequence has one definition. Use the same"
          + " @SequenceGenerator values, or another sequenceName."),

  // --- relationships ---

  /** Args: annotation, field, target type. */
  TARGET_NOT_ENTITY(Diagnostic.Kind.ERROR,
      "%1$s on %2$s refers to %3$s, which is not an @Entity. Annotate %3$s with @Entity, or map the field as a"
          + " plain column without %1$s."),

  /** Args: referencedColumnName, field, target entity, target primary key column. */
  REFERENCED_COLUMN_NOT_PRIMARY_KEY(Diagnostic.Kind.ERROR,
      "@JoinColumn(referencedColumnName = \"%1$s\") on %2$s: joining to a column other than the primary key of"
          + " %3$s (%4$s) is not supported yet. Remove referencedColumnName to join to %4$s."),

  /** Args: the relationship annotation, field, the unsupported part, what to do instead. */
  RELATIONSHIP_NOT_SUPPORTED(Diagnostic.Kind.ERROR,
      "%1$s with %3$s on %2$s is not supported yet. %4$s"),

  /** Args: annotation, field. */
  UNCAPTURED_COLLECTION(Diagnostic.Kind.WARNING,
      "%1$s on %2$s: Hibernate keeps this collection in a table of its own, which Migrate does not capture yet,"
          + " so that table is missing from the model snapshot. Add mappedBy to map it from the other side, or"
          + " create the table in a hand-written migration (mvn migrate:revision)."),

  // --- revisions ---

  /** Args: class, id, class with the same id. */
  DUPLICATE_REVISION_ID(Diagnostic.Kind.ERROR,
      "@Revision(id = \"%2$s\") on %1$s: %3$s has the same id, and revision ids must be unique in the chain."
          + " Give one of them a fresh id (mvn migrate:revision writes one)."),

  // --- the processor itself ---

  /** Args: option value. */
  UNKNOWN_NAMING_OPTION(Diagnostic.Kind.ERROR,
      "-Amigrate.naming=%1$s: unknown naming strategy. Use jpa (JPA default names, the default) or snake_case"
          + " (Spring Boot's CamelCaseToUnderscoresNamingStrategy)."),

  /** Args: resource, reason. */
  PREVIOUS_SNAPSHOT_UNREADABLE(Diagnostic.Kind.WARNING,
      "Cannot read the previous %1$s in the class output (%2$s): entities that were not compiled this time are"
          + " left out of the new snapshot. Run a full build (mvn clean compile) to capture all of them."),

  /** Args: resource, reason. */
  SNAPSHOT_WRITE_FAILED(Diagnostic.Kind.ERROR,
      "Cannot write %1$s to the class output: %2$s. Check that the output directory is writable and run the"
          + " build again."),

  /** Args: element, exception. */
  INTERNAL_ERROR(Diagnostic.Kind.ERROR,
      "Migrate's model processor failed on %1$s: %2$s. This is a bug in Migrate: please report it with the class"
          + " source. No model snapshot was written.");

  private final Diagnostic.Kind kind;
  private final String template;

  Message(Diagnostic.Kind kind, String template) {
    this.kind = kind;
    this.template = template;
  }

  /** Whether this message is an error, a warning or a note. */
  Diagnostic.Kind kind() {
    return kind;
  }

  /** The message text with {@code args} filled in. */
  String format(Object... args) {
    return String.format(Locale.ROOT, template, args);
  }
}
