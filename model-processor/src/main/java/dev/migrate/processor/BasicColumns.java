package dev.migrate.processor;

import static dev.migrate.processor.Annotations.HIBERNATE;
import static dev.migrate.processor.Annotations.MIGRATE;
import static dev.migrate.processor.Annotations.bool;
import static dev.migrate.processor.Annotations.enumConstant;
import static dev.migrate.processor.Annotations.hasJpa;
import static dev.migrate.processor.Annotations.integer;
import static dev.migrate.processor.Annotations.isSet;
import static dev.migrate.processor.Annotations.jpa;
import static dev.migrate.processor.Annotations.string;
import static dev.migrate.processor.Annotations.strings;
import static dev.migrate.processor.Annotations.value;

import dev.migrate.dialect.SqlSyntax;
import dev.migrate.model.Column;
import dev.migrate.model.EnumType;
import dev.migrate.model.SqlType;
import dev.migrate.processor.MappingContext.Validation;
import dev.migrate.processor.Members.Attribute;
import dev.migrate.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * The column of a basic attribute (and of a collection's basic element or map key), as Hibernate
 * 6.6 makes it on PostgreSQL: name, type ({@code @Column} sizes, {@code columnDefinition},
 * {@code @Convert} and auto-applied converters ({@link Converters}), enums by {@code @Enumerated}
 * or as PostgreSQL enum types, {@code @JdbcTypeCode}, {@code @JdbcType} and {@code @JavaType}
 * classes ({@link JdbcTypes}), {@code @Lob}), nullability, default, comment and rename hint, and
 * the check constraints its type needs (enum values, a converter's values, Bean Validation
 * {@code @Min} and {@code @Max}, Hibernate's {@code @Check}). Bean Validation's {@code @Size},
 * {@code @Digits} and {@code @NotNull} shape the column as the context's {@link Validation} allows.
 */
final class BasicColumns {

  private static final List<String> BEAN_VALIDATION =
      List.of("jakarta.validation.", "javax.validation.");

  /**
   * A column with the check constraints its type needs (enums, Bean Validation, {@code @Check}),
   * and the converter check to resolve when the model is read, or {@code null}.
   */
  record Mapped(
      Column column, List<String> checks, boolean unique, PendingConverterCheck converterCheck) {}

  /**
   * A check constraint Hibernate derives by running an application's converter ({@link
   * Snapshot.ConverterCheck}), without the table: the caller knows it.
   *
   * @param columnSql the column as the check's SQL names it
   * @param member the entity member, {@code com.acme.Thing.status}
   * @param converter the converter's binary name
   * @param domain {@link Snapshot.ConverterCheck#BOOLEAN} or the enum's binary name
   * @param constants the enum's constants in ordinal order; empty for {@code Boolean}
   */
  record PendingConverterCheck(
      String columnSql,
      String member,
      String converter,
      String domain,
      List<String> constants,
      Snapshot.ConverterCheck.Literal literal) {}

  private final ModelBuilder builder;
  private final SqlSyntax syntax;

  BasicColumns(ModelBuilder builder) {
    this.builder = builder;
    this.syntax = builder.syntax();
  }

  /**
   * The column of a basic attribute, with the check constraints it needs; no identity, no primary
   * key rules.
   */
  Mapped column(MappingContext context, Attribute a) {
    Element e = a.element();
    AnnotationMirror col = Attributes.override(context, a);
    String written = string(col, "name", "");
    String name = builder.drafts().physical(written.isBlank() ? a.name() : written);
    return column(context, a, e, a.type(), col, name, jpa(e, "Enumerated"), jpa(e, "Temporal"));
  }

  /**
   * The column of a value of {@code javaType} held by {@code a}, named {@code name}, sized by
   * {@code col} (a {@code @Column} or {@code @MapKeyColumn}), with {@code enumerated} and {@code
   * temporalAnnotation} (or the map key's) in force.
   *
   * @throws Problem if an annotation contradicts the type or is out of range (the message says
   *     which)
   */
  Mapped column(
      MappingContext context,
      Attribute a,
      Element e,
      TypeMirror javaType,
      AnnotationMirror col,
      String name,
      AnnotationMirror enumerated,
      AnnotationMirror temporalAnnotation) {
    return column(
        context, a, e, javaType, col, name, enumerated, temporalAnnotation, TypeAnnotations.VALUE);
  }

  /**
   * The key column of a map, as {@link #column(MappingContext, Attribute, Element, TypeMirror,
   * AnnotationMirror, String, AnnotationMirror, AnnotationMirror)} with Hibernate's map-key
   * annotations ({@code @MapKeyJdbcType}, {@code @MapKeyJdbcTypeCode}, {@code @MapKeyJavaType}) in
   * place of the ones that type the map's values.
   */
  Mapped mapKeyColumn(
      MappingContext context,
      Attribute a,
      Element e,
      TypeMirror keyType,
      AnnotationMirror keyColumn,
      String name,
      AnnotationMirror enumerated,
      AnnotationMirror temporalAnnotation) {
    return column(
        context,
        a,
        e,
        keyType,
        keyColumn,
        name,
        enumerated,
        temporalAnnotation,
        TypeAnnotations.MAP_KEY);
  }

  /**
   * The simple names of the Hibernate annotations that type a value: {@code @JdbcType},
   * {@code @JdbcTypeCode}, {@code @JavaType}, {@code @Type} for an attribute, a collection's
   * element or a map's value; their {@code MapKey} forms for a map's key.
   */
  private record TypeAnnotations(
      String jdbcType, String jdbcTypeCode, String javaType, String userType) {
    static final TypeAnnotations VALUE =
        new TypeAnnotations("JdbcType", "JdbcTypeCode", "JavaType", "Type");
    static final TypeAnnotations MAP_KEY =
        new TypeAnnotations("MapKeyJdbcType", "MapKeyJdbcTypeCode", "MapKeyJavaType", "MapKeyType");
  }

  private Mapped column(
      MappingContext context,
      Attribute a,
      Element e,
      TypeMirror javaType,
      AnnotationMirror col,
      String name,
      AnnotationMirror enumerated,
      AnnotationMirror temporalAnnotation,
      TypeAnnotations names) {
    int length = integer(col, "length", TypeMapping.DEFAULT_LENGTH);
    if (isSet(col, "length") && length <= 0) {
      throw new Problem(
          Message.LENGTH_NOT_POSITIVE, e, col, value(col, "length"), length, a.describe());
    }
    int precision = integer(col, "precision", 0);
    int scale = integer(col, "scale", 0);
    if (precision > 0 && precision < scale) {
      throw new Problem(
          Message.PRECISION_LESS_THAN_SCALE,
          e,
          col,
          value(col, "scale"),
          precision,
          scale,
          a.describe());
    }
    boolean notNullByValidation = false;
    boolean lengthWritten = isSet(col, "length");
    List<String> checks = new ArrayList<>();
    if (context.validation() != Validation.NONE) {
      AnnotationMirror size = beanValidation(e, "Size");
      if (size != null && isSet(size, "max") && TypeMapping.isString(javaType)) {
        length = integer(size, "max", Integer.MAX_VALUE);
        lengthWritten = true;
      }
      AnnotationMirror digits = beanValidation(e, "Digits");
      if (digits != null) {
        int fraction = integer(digits, "fraction", 0);
        precision = integer(digits, "integer", 0) + fraction;
        scale = fraction;
      }
      notNullByValidation =
          context.validation() == Validation.FULL
              && (beanValidation(e, "NotNull") != null
                  || beanValidation(e, "NotBlank") != null
                  || beanValidation(e, "NotEmpty") != null);
      String quoted = syntax.quoteIdentifier(name);
      AnnotationMirror min = beanValidation(e, "Min");
      if (min != null && TypeMapping.isIntegralOrDecimal(javaType)) {
        checks.add(quoted + ">=" + Annotations.longValue(min, "value", 0));
      }
      AnnotationMirror max = beanValidation(e, "Max");
      if (max != null && TypeMapping.isIntegralOrDecimal(javaType)) {
        checks.add(quoted + "<=" + Annotations.longValue(max, "value", 0));
      }
    }
    String temporal = enumConstant(temporalAnnotation, "value", null);
    TypeMapping.Sizes sizes = new TypeMapping.Sizes(length, precision, scale, temporal);
    String definition = string(col, "columnDefinition", "").trim();

    SqlType type = null;
    TypeMirror valueType = javaType;
    // a UserType (@Type) types the column by code run at start-up: only a columnDefinition, which
    // Hibernate prefers too, tells the type; no converter, enum or JDBC type rule applies
    AnnotationMirror compositeType =
        names == TypeAnnotations.VALUE ? Annotations.find(e, HIBERNATE + "CompositeType") : null;
    if (compositeType != null) {
      throw new Problem(
          Message.COMPOSITE_TYPE_NOT_MODELLED,
          e,
          compositeType,
          value(compositeType, "value"),
          Annotations.type(compositeType, "value"),
          a.describe());
    }
    AnnotationMirror userType = Annotations.find(e, HIBERNATE + names.userType());
    if (userType != null && definition.isEmpty()) {
      throw new Problem(
          Message.USER_TYPE_NOT_MODELLED,
          e,
          userType,
          value(userType, "value"),
          "@" + names.userType(),
          Annotations.type(userType, "value"),
          a.describe());
    }
    AnnotationMirror convert = userType != null ? null : explicitConvert(a, e, names);
    TypeMirror converter = null;
    if (convert != null && !bool(convert, "disableConversion", false) && enumerated != null) {
      TypeMirror named = Annotations.type(convert, "converter");
      if (!hasJpa(e, "ElementCollection") && builder.hibernate().refusesConverterWithEnumerated()) {
        throw new Problem(
            Message.CONVERTER_WITH_ENUMERATED,
            e,
            convert,
            value(convert, "converter"),
            a.describe(),
            named);
      }
      builder
          .reporter()
          .report(
              Message.CONVERTER_IGNORED_WITH_ENUMERATED,
              e,
              convert,
              value(convert, "converter"),
              a.describe(),
              named,
              "@"
                  + Annotations.simpleName(
                      (TypeElement) enumerated.getAnnotationType().asElement()));
    } else if (convert != null && !bool(convert, "disableConversion", false)) {
      converter = Annotations.type(convert, "converter");
      valueType = converter == null ? null : builder.converters().databaseType(converter);
      if (valueType == null) {
        throw new Problem(
            Message.CONVERTER_WITHOUT_DATABASE_TYPE,
            e,
            convert,
            value(convert, "converter"),
            a.describe(),
            converter == null ? "no converter" : converter.toString());
      }
      enumerated = null;
    } else if (userType == null
        && convert == null
        && enumerated == null
        && temporalAnnotation == null
        && !hasJpa(e, "Id")
        && !hasJpa(e, "Version")
        && context.phase() != TableDraft.Phase.ID) {
      // auto-apply: not to ids, versions, @Enumerated or @Temporal (Converters)
      List<TypeElement> auto = builder.converters().autoAppliedTo(javaType);
      if (auto.size() > 1) {
        throw new Problem(
            Message.AMBIGUOUS_AUTO_APPLY,
            e,
            null,
            null,
            a.describe(),
            javaType,
            auto.stream().map(c -> c.getQualifiedName().toString()).toList());
      }
      if (auto.size() == 1) {
        converter = auto.get(0).asType();
        valueType = builder.converters().databaseType(converter);
        if (valueType == null) {
          throw new Problem(
              Message.CONVERTER_WITHOUT_DATABASE_TYPE,
              e,
              null,
              null,
              a.describe(),
              converter.toString());
        }
      }
    }
    String wrapperArray = TypeMapping.wrapperArrayElement(valueType);
    if (wrapperArray != null && definition.isEmpty()) {
      throw new Problem(
          Message.WRAPPER_ARRAY,
          e,
          null,
          null,
          a.describe(),
          javaType,
          wrapperArray.equals("java.lang.Byte") ? "smallint array" : "char(1) array",
          wrapperArray.equals("java.lang.Byte") ? "bytea" : "varchar(255)",
          wrapperArray.equals("java.lang.Byte") ? "byte[]" : "char[]");
    }
    boolean definitionDecides = !definition.isEmpty();
    AnnotationMirror jdbcTypeAnnotation = Annotations.find(e, HIBERNATE + names.jdbcType());
    Integer jdbcTypeCode =
        userType != null ? null : jdbcTypeCode(e, a, names, jdbcTypeAnnotation, definitionDecides);
    String described = describedJavaType(e, a, names, valueType, jdbcTypeCode, definitionDecides);
    TypeElement enumType = userType != null ? null : enumType(valueType);
    TypeMirror arrayElement = userType != null ? null : TypeMapping.arrayElement(valueType);
    if (userType != null) {
      enumerated = null;
    }
    if (enumType == null && arrayElement != null && enumType(arrayElement) != null) {
      // an array or basic collection of enums: Hibernate 6.6.33 maps the elements as @Enumerated
      // says (ordinal smallint, STRING varchar) and adds no check constraint
      type =
          syntax.arrayOf(
              "STRING".equals(enumConstant(enumerated, "value", "ORDINAL"))
                  ? TypeMapping.string(sizes)
                  : SqlType.smallint());
    } else if (enumType != null) {
      List<String> constants =
          enumType.getEnclosedElements().stream()
              .filter(c -> c.getKind() == ElementKind.ENUM_CONSTANT)
              .map(c -> c.getSimpleName().toString())
              .toList();
      if (constants.isEmpty()) {
        throw new Problem(
            Message.ENUM_WITHOUT_CONSTANTS,
            e,
            null,
            null,
            a.describe(),
            enumType.getQualifiedName());
      }
      String quoted = syntax.quoteIdentifier(name);
      boolean characters = jdbcTypeCode != null && isCharacterCode(jdbcTypeCode);
      if (jdbcTypeCode != null
          && (jdbcTypeCode == JdbcTypes.NAMED_ENUM
              || jdbcTypeCode == JdbcTypes.NAMED_ORDINAL_ENUM)) {
        // Hibernate 6.6 and 7.2 (PostgreSQLEnumJdbcType.addAuxiliaryDatabaseObjects) name the type
        // after the class's simple name, unquoted and untouched by the naming strategy; the labels
        // are sorted by name for NAMED_ENUM and kept in declaration (ordinal) order for
        // NAMED_ORDINAL_ENUM (PostgreSQLOrdinalEnumJdbcType)
        String typeName = enumType.getSimpleName().toString().toLowerCase(Locale.ROOT);
        List<String> labels =
            jdbcTypeCode == JdbcTypes.NAMED_ENUM ? constants.stream().sorted().toList() : constants;
        builder.drafts().declareEnumType(new EnumType(null, typeName, labels));
        type = SqlType.of(typeName);
      } else if (jdbcTypeCode != null
          && !characters
          && jdbcTypeCode != JdbcTypes.SMALLINT
          && jdbcTypeCode != JdbcTypes.TINYINT
          && jdbcTypeCode != JdbcTypes.INTEGER) {
        if (definition.isEmpty()) {
          throw notMirrored(e, a, names, jdbcTypeAnnotation, jdbcTypeCode, javaType);
        }
      } else if (characters
          || jdbcTypeCode == null
              && "STRING".equals(enumConstant(enumerated, "value", "ORDINAL"))) {
        // a character JDBC type stores the names, as @Enumerated(STRING) does (checked on 6.6.33
        // and 7.2.19: @JdbcType(CharJdbcType.class) is char(255) with the same check)
        type =
            characters
                ? JdbcTypes.columnType(
                    jdbcTypeCode, "enum", sizes, lengthWritten, builder.hibernate())
                : TypeMapping.string(sizes);
        checks.add(
            0,
            quoted
                + " IN ("
                + constants.stream()
                    .map(c -> "'" + c.replace("'", "''") + "'")
                    .collect(Collectors.joining(", "))
                + ")");
      } else {
        type =
            jdbcTypeCode != null && jdbcTypeCode == JdbcTypes.INTEGER
                ? SqlType.integer()
                : SqlType.smallint();
        checks.add(0, quoted + " BETWEEN 0 AND " + (constants.size() - 1));
      }
    } else {
      if (enumerated != null) {
        throw new Problem(
            Message.ENUMERATED_ON_NON_ENUM, e, enumerated, null, a.describe(), javaType);
      }
      if (jdbcTypeCode != null && JdbcTypes.knownCode(jdbcTypeCode)) {
        // the JDBC type decides the column, the Java type its default sizes (JdbcTypes)
        type =
            JdbcTypes.columnType(
                jdbcTypeCode, described, sizes, lengthWritten, builder.hibernate());
        if (type == null && definition.isEmpty()) {
          throw notMirrored(e, a, names, jdbcTypeAnnotation, jdbcTypeCode, javaType);
        }
      } else if (jpa(e, "Lob") != null && TypeMapping.isLobCandidate(valueType)) {
        type = SqlType.of("oid");
      } else {
        type =
            Annotations.find(e, HIBERNATE + names.javaType()) != null && described != null
                ? TypeMapping.describedColumnType(described, sizes)
                : null;
        if (type == null) {
          type = builder.hibernate().columnType(TypeMapping.columnType(valueType, sizes));
        }
      }
      if (type == null && definition.isEmpty()) {
        throw new Problem(Message.UNMAPPED_TYPE, e, null, null, a.describe(), javaType);
      }
      if (precision <= 0 && scale > 0 && type != null && "numeric".equals(type.name())) {
        builder
            .reporter()
            .report(
                Message.SCALE_WITHOUT_PRECISION, e, col, value(col, "scale"), scale, a.describe());
      }
    }
    if (!definition.isEmpty()) {
      type = syntax.parseType(definition);
    }
    PendingConverterCheck converterCheck = null;
    if (converter != null) {
      converterCheck = converterCheck(e, name, converter, valueType, jdbcTypeCode, checks);
    }
    AnnotationMirror check = Annotations.find(e, HIBERNATE + "Check");
    if (check != null) {
      checks.add(string(check, "constraints", ""));
    }
    // a single-table subclass's columns, and an embeddable's primitives, are nullable unless a
    // @Column says not
    boolean implicitNotNull =
        primitiveNotNull(context, e, javaType, col)
            || !bool(jpa(e, "Basic"), "optional", true)
            || notNullByValidation;
    boolean nullable =
        bool(col, "nullable", true)
            && !context.forceNotNull()
            && !hasJpa(e, "Id")
            && !(hasJpa(e, "Version") && builder.hibernate().versionNotNull())
            && (context.forceNullable() || !implicitNotNull);
    // Hibernate 7 builds the check before Bean Validation makes columns NOT NULL
    boolean nullableWithoutValidation =
        bool(col, "nullable", true)
            && !context.forceNotNull()
            && !hasJpa(e, "Id")
            && !(hasJpa(e, "Version") && builder.hibernate().versionNotNull())
            && (context.forceNullable()
                || !primitiveNotNull(context, e, javaType, col)
                    && bool(jpa(e, "Basic"), "optional", true));
    if (nullableWithoutValidation
        && context.entity() != null
        && context.entity().strategy().equals("SINGLE_TABLE")
        && context.phase() != TableDraft.Phase.ID
        && !context.path().contains(".")
        && (javaType.getKind().isPrimitive() || !bool(jpa(e, "Basic"), "optional", true))) {
      // not optional (Hibernate's Property.isOptional), but nullable: Hibernate 7 checks it
      // against the discriminator of each single-table subclass (DiscriminatorChecks)
      builder.discriminatorChecks().subclassNotNull(context.entity(), a.name(), name);
    }
    String defaultValue = string(Annotations.find(e, HIBERNATE + "ColumnDefault"), "value", null);
    Column column =
        new Column(
            name, type, nullable, defaultValue, null, hibernateComment(e), renamedFrom(e, builder));
    return new Mapped(column, checks, bool(col, "unique", false), converterCheck);
  }

  /**
   * The {@code @Convert} (one of {@code @Converts}) that applies to the value {@code names} types:
   * on a map (a collection mapping of {@code java.util.Map}) the one without {@code attributeName}
   * or with {@code "value"} to the map's value, and only the one with {@code "key"} to its key (JPA
   * 3.1 section 11.1.10; checked on 6.6.33, 7.2.19 and 7.4.13, {@code
   * OracleRegressionTest.mapConverterAppliesToTheValueUnlessItNamesTheKey}); elsewhere the
   * attribute's {@code @Convert}. {@code null} when none applies.
   */
  private AnnotationMirror explicitConvert(Attribute a, Element e, TypeAnnotations names) {
    // a basic Map attribute (a converter of the whole map) is no map here
    CollectionShape shape =
        Annotations.firstJpa(e, "OneToMany", "ManyToMany", "ElementCollection") != null
            ? CollectionShape.of(a, builder.types())
            : null;
    if (shape == null || !shape.map()) {
      return names == TypeAnnotations.MAP_KEY ? null : jpa(e, "Convert");
    }
    for (AnnotationMirror convert : Annotations.jpaRepeated(e, "Convert")) {
      String attributeName = string(convert, "attributeName", "");
      boolean applies =
          names == TypeAnnotations.MAP_KEY
              ? attributeName.equals("key")
              : attributeName.isEmpty() || attributeName.equals("value");
      if (applies) {
        return convert;
      }
    }
    return null;
  }

  /**
   * The check Hibernate derives from {@code converter} on column {@code name} ({@link
   * Snapshot.ConverterCheck}): for Hibernate's own {@code Boolean} converters added to {@code
   * checks} at once (fixed values, {@link Converters#hibernateBooleanValues}); for another
   * converter from {@code Boolean}, or from an enum where the line checks those ({@link
   * HibernateVersion#checksConvertedEnums}), returned to be resolved when the model is read. {@code
   * null} when Hibernate adds none: another domain type, a database type that is neither character
   * nor integral, or {@code @Lob} (Migrate maps it to {@code oid}; not mirrored).
   */
  private PendingConverterCheck converterCheck(
      Element e,
      String name,
      TypeMirror converter,
      TypeMirror databaseType,
      Integer jdbcTypeCode,
      List<String> checks) {
    Snapshot.ConverterCheck.Literal literal = Converters.literal(databaseType, jdbcTypeCode);
    if (literal == null || jpa(e, "Lob") != null || converter.getKind() != TypeKind.DECLARED) {
      return null;
    }
    TypeElement converterType = (TypeElement) builder.types().asElement(converter);
    String converterName = builder.elements().getBinaryName(converterType).toString();
    TypeMirror domain = builder.converters().domainType(converter);
    String quoted = syntax.quoteIdentifier(name);
    String member =
        e.getEnclosingElement() instanceof TypeElement owner
            ? Annotations.text(owner.getQualifiedName()) + "." + e.getSimpleName()
            : e.getSimpleName().toString();
    if (Converters.isBoolean(domain)) {
      String fixed = Converters.hibernateBooleanValues(converterName);
      if (fixed != null && jdbcTypeCode == null) {
        checks.add(quoted + " in (" + fixed + ")");
        return null;
      }
      return new PendingConverterCheck(
          quoted, member, converterName, Snapshot.ConverterCheck.BOOLEAN, List.of(), literal);
    }
    TypeElement enumType = enumType(domain);
    if (enumType == null || !builder.hibernate().checksConvertedEnums()) {
      return null;
    }
    List<String> constants =
        enumType.getEnclosedElements().stream()
            .filter(c -> c.getKind() == ElementKind.ENUM_CONSTANT)
            .map(c -> c.getSimpleName().toString())
            .toList();
    return new PendingConverterCheck(
        quoted,
        member,
        converterName,
        builder.elements().getBinaryName(enumType).toString(),
        constants,
        literal);
  }

  /**
   * Whether a primitive attribute's column is {@code NOT NULL} by its type: only at the top of an
   * entity (an embeddable's primitives are nullable), only without an {@code @Column} (or an
   * override), and in Hibernate 6.6 only without {@code @Basic} either ({@code PropertyBinder}: the
   * implicit column of a primitive is not nullable; a declared one keeps its own {@code nullable},
   * {@code true} by default). Found by the generative oracle and checked on 6.6.33 and 7.2.19:
   * {@code @Column(name = "n") int a} is a nullable {@code integer}, and {@code @Basic int g} is
   * nullable in 6.6, {@code NOT NULL} in 7.2.
   */
  private boolean primitiveNotNull(
      MappingContext context, Element e, TypeMirror javaType, AnnotationMirror col) {
    return javaType.getKind().isPrimitive()
        && !context.path().contains(".")
        && col == null
        && (jpa(e, "Basic") == null || builder.hibernate().primitiveNotNullWithBasic());
  }

  /**
   * A Bean Validation constraint by simple name ({@code NotNull}) on {@code e}, or {@code null}.
   */
  static AnnotationMirror beanValidation(Element e, String simpleName) {
    return beanValidation(e, simpleName, "constraints.");
  }

  /**
   * A Bean Validation annotation by simple name in {@code jakarta.validation.<subpackage>} or
   * {@code javax...}.
   */
  static AnnotationMirror beanValidation(Element e, String simpleName, String subpackage) {
    for (String pkg : BEAN_VALIDATION) {
      AnnotationMirror m = Annotations.find(e, pkg + subpackage + simpleName);
      if (m != null) {
        return m;
      }
    }
    return null;
  }

  /**
   * The DDL type code of the JDBC type that {@code @JdbcType(X.class)} on {@code e} names ({@link
   * JdbcTypes#jdbcTypeClass}), else the one {@code @JdbcTypeCode} gives; {@code null} without
   * either. {@code @JdbcType} wins when both are there, as in Hibernate ({@code BasicValueBinder}
   * reads it first).
   *
   * @param definitionDecides whether {@code @Column(columnDefinition)} gives the column type, so
   *     that a class Migrate cannot read does not matter
   * @throws Problem {@link Message#TYPE_CLASS_NOT_MODELLED} for a {@code JdbcType} class whose code
   *     Migrate cannot tell, unless {@code definitionDecides}
   */
  private static Integer jdbcTypeCode(
      Element e,
      Attribute a,
      TypeAnnotations names,
      AnnotationMirror jdbcType,
      boolean definitionDecides) {
    TypeMirror jdbcTypeClass = Annotations.type(jdbcType, "value");
    if (jdbcTypeClass != null) {
      JdbcTypes.TypeClass resolved = JdbcTypes.jdbcTypeClass(jdbcTypeClass);
      if (resolved.undecided() == null) {
        return resolved.code();
      }
      if (definitionDecides) {
        return null;
      }
      throw new Problem(
          Message.TYPE_CLASS_NOT_MODELLED,
          e,
          jdbcType,
          value(jdbcType, "value"),
          "@" + names.jdbcType(),
          jdbcTypeClass,
          a.describe(),
          resolved.undecided());
    }
    AnnotationValue v = value(Annotations.find(e, HIBERNATE + names.jdbcTypeCode()), "value");
    return v != null && v.getValue() instanceof Integer i ? i : null;
  }

  /**
   * The Java type whose default sizes shape the column ({@link JdbcTypes#javaTypeName}): the one
   * Hibernate's {@code JavaType} class in {@code @JavaType} describes, {@code null} for an
   * application's own {@code JavaType} when a JDBC type or {@code columnDefinition} decides the
   * column, else {@code valueType}'s.
   *
   * @throws Problem {@link Message#TYPE_CLASS_NOT_MODELLED} for an application's {@code JavaType}
   *     class that decides the JDBC type by its code, when neither {@code jdbcTypeCode} nor {@code
   *     definitionDecides}, or the column's sizes, unless {@code definitionDecides}
   */
  private static String describedJavaType(
      Element e,
      Attribute a,
      TypeAnnotations names,
      TypeMirror valueType,
      Integer jdbcTypeCode,
      boolean definitionDecides) {
    AnnotationMirror javaType = Annotations.find(e, HIBERNATE + names.javaType());
    TypeMirror javaTypeClass = Annotations.type(javaType, "value");
    if (javaTypeClass == null) {
      return JdbcTypes.javaTypeName(valueType);
    }
    JdbcTypes.TypeClass resolved = JdbcTypes.javaTypeClass(javaTypeClass);
    if (resolved.undecided() == null) {
      return resolved.describes();
    }
    if (jdbcTypeCode != null && !resolved.sizesByCode() || definitionDecides) {
      return null;
    }
    throw new Problem(
        Message.TYPE_CLASS_NOT_MODELLED,
        e,
        javaType,
        value(javaType, "value"),
        "@" + names.javaType(),
        javaTypeClass,
        a.describe(),
        resolved.undecided());
  }

  /** Whether {@code code} stores characters ({@code CHAR}, {@code VARCHAR} and the N kinds). */
  private static boolean isCharacterCode(int code) {
    return code == JdbcTypes.CHAR
        || code == JdbcTypes.NCHAR
        || code == JdbcTypes.VARCHAR
        || code == JdbcTypes.NVARCHAR;
  }

  /**
   * {@link Message#MAPPING_NOT_SUPPORTED} for a JDBC type Migrate does not mirror on a value of
   * {@code javaType}.
   */
  private static Problem notMirrored(
      Element e,
      Attribute a,
      TypeAnnotations names,
      AnnotationMirror jdbcType,
      int code,
      TypeMirror javaType) {
    AnnotationMirror annotation =
        jdbcType != null ? jdbcType : Annotations.find(e, HIBERNATE + names.jdbcTypeCode());
    String what =
        jdbcType != null
            ? "@" + names.jdbcType() + "(" + Annotations.type(jdbcType, "value") + ".class)"
            : "@" + names.jdbcTypeCode() + "(" + code + ")";
    return new Problem(
        Message.MAPPING_NOT_SUPPORTED,
        e,
        annotation,
        value(annotation, "value"),
        what + " with Java type " + javaType,
        a.describe(),
        "Migrate does not mirror the column Hibernate makes for this pair. State the column type"
            + " with @Column(columnDefinition = \"...\").");
  }

  /** Hibernate's {@code @Comment} on {@code e}, or {@code null}. */
  static String hibernateComment(Element e) {
    AnnotationMirror comment = Annotations.find(e, HIBERNATE + "Comment");
    return comment == null ? null : string(comment, "value", null);
  }

  /**
   * The earlier column names {@code @RenamedFrom} gives, newest first: each value as written (an
   * old column name) and, when it differs, as the naming strategy turns an attribute name into a
   * column name (an old attribute name: under {@code snake_case} {@code "birthDate"} is {@code
   * birth_date}). Autogenerate renames from the first candidate the database has, and warns when it
   * has none of them (the processor cannot see the database).
   */
  private static List<String> renamedFrom(Element e, ModelBuilder builder) {
    AnnotationMirror renamed = Annotations.find(e, MIGRATE + "RenamedFrom");
    if (renamed == null) {
      return List.of();
    }
    java.util.LinkedHashSet<String> candidates = new java.util.LinkedHashSet<>();
    for (String hint : strings(renamed, "value")) {
      candidates.add(hint);
      candidates.add(builder.naming().physical(hint));
    }
    return List.copyOf(candidates);
  }

  private TypeElement enumType(TypeMirror type) {
    if (type == null || type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    Element element = builder.types().asElement(type);
    return element.getKind() == ElementKind.ENUM ? (TypeElement) element : null;
  }

  /**
   * Whether a {@code @Column} or {@code @JoinColumn} makes a read-only view (neither insertable nor
   * updatable).
   */
  static boolean readOnly(AnnotationMirror columnOrJoinColumn) {
    return !bool(columnOrJoinColumn, "insertable", true)
        && !bool(columnOrJoinColumn, "updatable", true);
  }
}
