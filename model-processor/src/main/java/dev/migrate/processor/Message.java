package dev.migrate.processor;

import java.util.Locale;
import javax.tools.Diagnostic;

/**
 * Every message the model processor prints, in one place (as MapStruct's {@code Message} enum).
 * Each states the rule that was broken and the fix, and names the element: {@code Entity.field} for
 * fields, the entity's simple name for classes. The arguments are {@link String#format} arguments,
 * in the order the template uses them.
 *
 * <p>Each has a {@link Severity}: Hibernate's own refusals stay errors; a mapping the processor
 * cannot model is a warning and a problem recorded in the snapshot ({@link Reporter}).
 *
 * <p>Each constant has its own compile-testing test in {@code MessagesTest}, named after it in
 * camel case.
 */
enum Message {

  // --- the entity as a whole ---

  /** Args: entity. */
  ENTITY_WITHOUT_ID(
      Severity.REFUSED,
      "@Entity %1$s has no @Id field: every entity needs a primary key. Annotate its key field with @Id."),

  /** Args: the Migrate annotation's target class. */
  MIGRATE_TABLE_ON_ENTITY(
      Severity.REFUSED,
      "@Entity %1$s also carries Migrate's @dev.migrate.annotations.Table, which describes tables without JPA. Remove"
          + " it and use JPA's @Table (and Migrate's @Index for what JPA's cannot say)."),

  /** Args: kind ("@Index" or "@UniqueConstraint"), entity, column, table, existing columns. */
  UNKNOWN_COLUMN(
      Severity.REFUSED,
      "The %1$s on %2$s names column %3$s, which table %4$s does not have (its columns: %5$s). Use the column"
          + " name, not the field name, as the naming strategy produces it."),

  /** Args: entity, columnList. */
  EMPTY_COLUMN_LIST(
      Severity.UNMODELLED,
      "@Index(columnList = \"%2$s\") on %1$s lists no column: an index needs at least one. List the columns,"
          + " for example columnList = \"email, created\"."),

  /**
   * Args: what ("index", "constraint", ...), name, schema description, first owner, second owner.
   */
  NAME_CONFLICT(
      Severity.UNMODELLED,
      "The %1$s name %2$s in %3$s is used by both %4$s and %5$s: PostgreSQL keeps table, sequence, index, primary"
          + " key and unique constraint names in one namespace per schema, and constraint names once per table."
          + " Give one of them another name."),

  // --- fields ---

  /** Args: field, Java type. */
  UNMAPPED_TYPE(
      Severity.UNMODELLED,
      "%1$s has type %2$s, which has no column mapping: use String, a number type (long, int, short, byte,"
          + " double, float, BigDecimal, BigInteger), boolean, char, an enum, UUID, byte[], a java.time type,"
          + " java.util.Date, an array or List/Set of one of these, an @Embeddable, or give it an @Convert(converter = ...) with an AttributeConverter,"
          + " a @JdbcTypeCode or an @Column(columnDefinition = ...); or mark it @Transient. (Hibernate would"
          + " serialize a Serializable type into bytea; Migrate asks instead.)"),

  /**
   * Args: field, Java type ({@code java.lang.Byte[]}), the ALLOW/PICK column type, the LEGACY
   * column type, the primitive array. Hibernate 6.2 to 7.2 refuse {@code Byte[]} and {@code
   * Character[]} at start-up by default ({@code hibernate.type.wrapper_array_handling=DISALLOW},
   * {@code Property.isValid}; checked on 6.6.33 and 7.2.19); {@code ALLOW} (and {@code PICK} on
   * PostgreSQL) map them as arrays, {@code LEGACY} like the primitive arrays: a setting the
   * processor cannot see.
   */
  WRAPPER_ARRAY(
      Severity.UNMODELLED,
      "%1$s has type %2$s, which Hibernate refuses at start-up unless the application sets"
          + " hibernate.type.wrapper_array_handling, and maps as %3$s under ALLOW (and PICK) but as %4$s under"
          + " LEGACY, a setting the processor cannot see. Use %5$s, or state the column type with"
          + " @Column(columnDefinition = \"%3$s\") (or \"%4$s\")."),

  /** Args: field, converter. */
  CONVERTER_WITHOUT_DATABASE_TYPE(
      Severity.UNMODELLED,
      "@Convert on %1$s: %2$s does not implement AttributeConverter<X, Y> with a class for Y, so the column type"
          + " is unknown. Name a converter class that implements AttributeConverter<EntityType, DatabaseType>."),

  /**
   * Args: annotation ("@JdbcType", "@JavaType", "@CollectionIdJdbcType", ...), class, field, why
   * Migrate cannot tell its column type.
   */
  TYPE_CLASS_NOT_MODELLED(
      Severity.UNMODELLED,
      "%1$s(%2$s.class) on %3$s: %4$s. Migrate cannot run a class's code at compile time, so it cannot tell"
          + " the column type. Name the JDBC type with @JdbcTypeCode(SqlTypes.VARCHAR) (or the SqlTypes constant the class"
          + " uses), or give the column type with @Column(columnDefinition = \"...\")."),

  /**
   * Args: annotation ("@Type" or "@MapKeyType"), the UserType class, field. Hibernate types the
   * column by {@code UserType.getSqlType()}, called at start-up ({@code CustomType}); a {@code
   * columnDefinition} still decides the column, and {@code @JdbcTypeCode} next to {@code @Type} is
   * ignored (checked on 6.6.33, 7.2.19 and 7.4.13, {@code
   * OracleRegressionTest.userTypeColumnsFollowTheColumnDefinition}).
   */
  USER_TYPE_NOT_MODELLED(
      Severity.UNMODELLED,
      "%1$s(%2$s.class) on %3$s: Hibernate types the column by the UserType's getSqlType(), code that Migrate"
          + " cannot run at compile time, so it cannot tell the column type (Hibernate ignores @JdbcTypeCode and"
          + " @JdbcType next to %1$s). State the column type with @Column(columnDefinition = \"jsonb\") (the type"
          + " the UserType stands for; @MapKeyColumn for a map key), which Hibernate uses as well."),

  /**
   * Args: the CompositeUserType class, field. Hibernate maps the attribute's columns from the
   * fields of the class {@code CompositeUserType.embeddable()} returns, called at start-up (checked
   * on 6.6.33, 7.2.19 and 7.4.13, {@code
   * OracleRegressionTest.compositeUserTypeColumnsComeFromCode}).
   */
  COMPOSITE_TYPE_NOT_MODELLED(
      Severity.UNMODELLED,
      "@CompositeType(%1$s.class) on %2$s: Hibernate maps the columns of the class the CompositeUserType's"
          + " embeddable() returns, code that Migrate cannot run at compile time, so it cannot tell the columns."
          + " Map the value as an @Embeddable (with @EmbeddableInstantiator if it needs one to be built), whose"
          + " fields Migrate reads."),

  /**
   * Args: field, converter. Hibernate 7 refuses an explicit converter on a basic attribute that is
   * also {@code @Enumerated} ({@code BasicValueBinder}, checked on 7.2.19 and 7.4.13).
   */
  CONVERTER_WITH_ENUMERATED(
      Severity.REFUSED,
      "@Convert(converter = %2$s.class) on %1$s, which is also @Enumerated: Hibernate 7 refuses to start"
          + " (\"'AttributeConverter' not allowed for attribute annotated '@jakarta.persistence.Enumerated'\")."
          + " Remove @Enumerated to store the converter's values, or remove @Convert to store the enum as"
          + " @Enumerated says."),

  /**
   * Args: field, converter, annotation ("@Enumerated" or "@MapKeyEnumerated"). Hibernate 6.6 on a
   * basic attribute, and every line on a collection's element or a map's key, ignores the converter
   * and maps the value as the annotation says (checked on 6.6.33, 7.2.19 and 7.4.13).
   */
  CONVERTER_IGNORED_WITH_ENUMERATED(
      Severity.WARNING,
      "@Convert(converter = %2$s.class) on %1$s is ignored: Hibernate maps the value as %3$s says and never"
          + " calls the converter (Hibernate 7 refuses this on a basic attribute). Remove @Convert, or remove %3$s"
          + " to store the converter's values."),

  /** Args: field, Java type, the converters. */
  AMBIGUOUS_AUTO_APPLY(
      Severity.REFUSED,
      "%1$s of type %2$s matches several auto-applied converters %3$s: Hibernate refuses to start (\"Multiple"
          + " auto-apply converters matched\"). Name one with @Convert(converter = ...), or"
          + " @Convert(disableConversion = true) for none."),

  /** Args: field, Java type. */
  EMBEDDED_NOT_A_CLASS(
      Severity.REFUSED,
      "@Embedded on %1$s of type %2$s: only a class can be embedded. Annotate a class with @Embeddable and use it"
          + " as the type."),

  /** Args: field, column, table, type, other field, its type. */
  COLUMN_CONFLICT(
      Severity.UNMODELLED,
      "%1$s maps column %2$s of table %3$s as %4$s, but %5$s maps the same column as %6$s: entities that share a"
          + " table must agree on its columns. Make the two mappings the same, or give one another"
          + " @Column(name = ...)."),

  /** Args: field, table name, entity. */
  UNKNOWN_SECONDARY_TABLE(
      Severity.REFUSED,
      "@Column(table = \"%2$s\") on %1$s: %3$s declares no @SecondaryTable named %2$s. Add"
          + " @SecondaryTable(name = \"%2$s\") to %3$s or remove `table`."),

  /** Args: length, field. */
  LENGTH_NOT_POSITIVE(
      Severity.UNMODELLED,
      "@Column(length = %1$d) on %2$s: length must be positive. Remove `length` to use the default 255."),

  /** Args: precision, scale, field. */
  PRECISION_LESS_THAN_SCALE(
      Severity.UNMODELLED,
      "@Column(precision = %1$d, scale = %2$d) on %3$s: precision (all digits) must be at least scale (digits"
          + " after the point). Raise precision to at least %2$d or lower scale."),

  /** Args: scale, field. */
  SCALE_WITHOUT_PRECISION(
      Severity.WARNING,
      "@Column(scale = %1$d) on %2$s has no precision: Hibernate 6 ignores scale unless precision is set, so the"
          + " column is numeric(38,2). Add precision (for example precision = 38) to get scale %1$d."),

  /** Args: field, column, table, the field mapped first. */
  DUPLICATE_COLUMN(
      Severity.REFUSED,
      "%1$s maps to column %2$s of table %3$s, which %4$s maps to as well. Give one of them another"
          + " @Column(name = ...), or make one read-only with insertable = false, updatable = false."),

  /** Args: field, Java type. */
  ENUMERATED_ON_NON_ENUM(
      Severity.REFUSED,
      "@Enumerated on %1$s, whose type %2$s is not an enum: @Enumerated applies to enum fields only. Remove it or"
          + " change the field's type."),

  /** Args: field, enum type. */
  ENUM_WITHOUT_CONSTANTS(
      Severity.UNMODELLED,
      "%1$s has the enum type %2$s, which declares no constants, so no value could ever be stored. Add constants"
          + " to %2$s or mark the field @Transient."),

  /** Args: what, field, what to do instead. */
  MAPPING_NOT_SUPPORTED(Severity.UNMODELLED, "%1$s on %2$s is not supported yet. %3$s"),

  // --- identifiers ---

  /** Args: generator description ("@GenericGenerator(name = \"x\")"), field. */
  GENERATOR_NOT_SUPPORTED(
      Severity.UNMODELLED,
      "@GeneratedValue(%1$s) on %2$s: Hibernate's own generators are not captured, since what they need in the"
          + " database is up to their code. Use strategy = SEQUENCE, IDENTITY, TABLE or UUID (with"
          + " @SequenceGenerator/@TableGenerator)."),

  /** Args: strategy, field, Java type, the types the strategy needs. */
  GENERATION_TYPE_MISMATCH(
      Severity.UNMODELLED,
      "@GeneratedValue(strategy = %1$s) on %2$s of type %3$s: this strategy generates %4$s. Change the field's"
          + " type or the strategy."),

  /** Args: allocationSize, generator name, field. */
  ALLOCATION_SIZE_NOT_POSITIVE(
      Severity.UNMODELLED,
      "@SequenceGenerator(name = \"%2$s\", allocationSize = %1$d) used by %3$s: allocationSize is the sequence's"
          + " increment and must be positive. Remove it to use the default 50."),

  /** Args: sequence, field, start, increment, other field, its start, its increment. */
  SEQUENCE_CONFLICT(
      Severity.REFUSED,
      "%2$s uses sequence %1$s with initialValue %3$d and allocationSize %4$d, but %5$s declares it with"
          + " initialValue %6$d and allocationSize %7$d: one sequence has one definition. Use the same"
          + " @SequenceGenerator values, or another sequenceName."),

  // --- relationships ---

  /** Args: annotation, field, target type. */
  TARGET_NOT_ENTITY(
      Severity.REFUSED,
      "%1$s on %2$s refers to %3$s, which is not an @Entity. Annotate %3$s with @Entity, or map the field as a"
          + " plain column without %1$s."),

  /** Args: referencedColumnName, field, target entity, target primary key columns. */
  REFERENCED_COLUMN_NOT_PRIMARY_KEY(
      Severity.UNMODELLED,
      "@JoinColumn(referencedColumnName = \"%1$s\") on %2$s: joining to a column other than the primary key of"
          + " %3$s (%4$s) is not supported yet. Remove referencedColumnName to join to the primary key."),

  /**
   * Args: field, number of join columns, target entity, number of its key columns, its key columns.
   */
  JOIN_COLUMN_COUNT(
      Severity.REFUSED,
      "%1$s has %2$d join column(s), but %3$s has %4$d primary key column(s) (%5$s): a foreign key pairs each"
          + " key column with one join column. Write one @JoinColumn per key column in @JoinColumns, or none."),

  /** Args: field. */
  MAPS_ID_WITHOUT_ASSOCIATION(
      Severity.REFUSED,
      "@MapsId on %1$s, which is not a @ManyToOne or @OneToOne: @MapsId marks the association whose foreign key"
          + " is the primary key. Move it to that association."),

  /** Args: annotation, field, Java type. */
  COLLECTION_ELEMENT_UNKNOWN(
      Severity.REFUSED,
      "%1$s on %2$s of type %3$s: the element type is unknown, so the collection's columns are too. Declare it"
          + " as a parameterized Collection, Set, List or Map (for example Set<String>), or set targetEntity /"
          + " targetClass."),

  /**
   * Args: field, the owning side's attribute ({@code mappedBy}), the target entity. Hibernate 6.6,
   * 7.2 and 7.4 refuse it at start-up ({@code CollectionBinder}: "Collection '...' is the unowned
   * side of a bidirectional '@ManyToMany' and may not have an '@OrderColumn'"); the inverse side of
   * a {@code @OneToMany} may have one.
   */
  MANY_TO_MANY_INVERSE_ORDER_COLUMN(
      Severity.REFUSED,
      "@OrderColumn on %1$s, the inverse side of a @ManyToMany(mappedBy = \"%2$s\"): Hibernate refuses it at"
          + " start-up (\"the unowned side of a bidirectional '@ManyToMany' may not have an '@OrderColumn'\"),"
          + " because the owning side's join table holds the rows. Move @OrderColumn to the owning side,"
          + " %3$s.%2$s, or remove it."),

  /** Args: the relationship annotation, field, the unsupported part, what to do instead. */
  RELATIONSHIP_NOT_SUPPORTED(
      Severity.UNMODELLED, "%1$s with %3$s on %2$s is not supported yet. %4$s"),

  // --- revisions ---

  /** Args: class, id, class with the same id. */
  DUPLICATE_REVISION_ID(
      Severity.REFUSED,
      "@Revision(id = \"%2$s\") on %1$s: %3$s has the same id, and revision ids must be unique in the chain."
          + " Give one of them a fresh id (mvn migrate:revision writes one)."),

  // --- the processor itself ---

  /** Args: option value. */
  UNKNOWN_NAMING_OPTION(
      Severity.REFUSED,
      "-Amigrate.naming=%1$s: unknown naming strategy. Use jpa (JPA default names, the default) or snake_case"
          + " (Spring Boot's CamelCaseToUnderscoresNamingStrategy)."),

  /** Args: option value. */
  UNKNOWN_BEAN_VALIDATION_OPTION(
      Severity.REFUSED,
      "-Amigrate.beanValidation=%1$s: unknown value. Use ddl (Bean Validation constraints shape columns, as"
          + " Hibernate applies them when a validator is present) or none."),

  /** Args: option value. */
  UNKNOWN_HIBERNATE_OPTION(
      Severity.REFUSED,
      "-Amigrate.hibernate=%1$s: unknown Hibernate version. Use 6.6 (Spring Boot 3.x), 7.2 (Spring Boot 4.0) or"
          + " 7.4, or leave it out to mirror the hibernate-core on the compile class path (7.2 without one)."),

  /** Args: the class name. */
  UNKNOWN_CONVERTER_OPTION(
      Severity.REFUSED,
      "-Amigrate.converters names %1$s, which is not an AttributeConverter on the compile class path. List the"
          + " binary names of the auto-applied converters that come from jars, separated by commas."),

  /** Args: class. */
  PLAIN_TABLE_WITHOUT_ID(
      Severity.WARNING,
      "@dev.migrate.annotations.Table %1$s has no @Id field, so its table has no primary key. Annotate its key"
          + " field(s) with @dev.migrate.annotations.Id, or ignore this if the table needs none."),

  /** Args: field, target class. */
  FOREIGN_KEY_TARGET_NOT_TABLE(
      Severity.REFUSED,
      "@ForeignKey(target = %2$s.class) on %1$s: %2$s is not a @dev.migrate.annotations.Table class with one @Id"
          + " field. Refer to such a class."),

  /** Args: resource, reason. */
  PREVIOUS_SNAPSHOT_UNREADABLE(
      Severity.WARNING,
      "Cannot read the previous %1$s in the class output (%2$s): entities that were not compiled this time are"
          + " left out of the new snapshot. Run a full build (mvn clean compile) to capture all of them."),

  /** Args: resource, reason. */
  SNAPSHOT_WRITE_FAILED(
      Severity.REFUSED,
      "Cannot write %1$s to the class output: %2$s. Check that the output directory is writable and run the"
          + " build again."),

  /** Args: element, exception. */
  INTERNAL_ERROR(
      Severity.UNMODELLED,
      "Migrate's model processor failed on %1$s: %2$s. This is a bug in Migrate: please report it with the class"
          + " source.");

  /** What a message means for the compilation and the snapshot. */
  enum Severity {
    /**
     * A contradiction Hibernate itself refuses at start-up (or a misuse of Migrate's own
     * annotations and options): a compile error, and no snapshot is written.
     */
    REFUSED,
    /**
     * A mapping the processor cannot model: a warning on the element (a compile error under {@code
     * -Amigrate.strict=true}), and the snapshot records it as a problem, so that autogen and check
     * refuse to run until it is resolved. Never breaks the application's compile by default.
     */
    UNMODELLED,
    /** Advice: a warning, the model is complete. */
    WARNING
  }

  private final Severity severity;
  private final String template;

  Message(Severity severity, String template) {
    this.severity = severity;
    this.template = template;
  }

  /** What this message means for the compilation and the snapshot. */
  Severity severity() {
    return severity;
  }

  /** How the compiler prints this message: {@code strict} makes unmodelled mappings errors. */
  Diagnostic.Kind kind(boolean strict) {
    return switch (severity) {
      case REFUSED -> Diagnostic.Kind.ERROR;
      case UNMODELLED -> strict ? Diagnostic.Kind.ERROR : Diagnostic.Kind.WARNING;
      case WARNING -> Diagnostic.Kind.WARNING;
    };
  }

  /** The message text with {@code args} filled in. */
  String format(Object... args) {
    return String.format(Locale.ROOT, template, args);
  }
}
